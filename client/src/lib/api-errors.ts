import type { TFunction } from 'i18next';
import { NETWORK_ERROR_STATUS, isApiError } from './api-client';

/**
 * Turns any failure into sentences for the user. Validation (400) and conflict (409) answers
 * name the offending fields, so the server's words are kept; other statuses get our wording,
 * since the server's text for them is technical.
 */
export function describeApiError(error: unknown, t: TFunction): string[] {
  if (!isApiError(error)) return [t('errors.unexpected')];
  switch (true) {
    case error.status === NETWORK_ERROR_STATUS:
      return [t('errors.network')];
    case error.status === 400 || error.status === 409 || error.status === 422:
      return error.messages.length > 0 ? error.messages : [t('errors.invalid')];
    case error.status === 401:
      return [t('errors.sessionExpired')];
    case error.status === 403:
      return [t('errors.forbidden')];
    case error.status === 404:
      return [t('errors.notFound')];
    case error.status === 429:
      return [t('errors.tooManyRequests')];
    case error.status >= 500:
      return [t('errors.server')];
    default:
      return [t('errors.unexpected')];
  }
}
