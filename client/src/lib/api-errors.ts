import type { TFunction } from 'i18next';
import { NETWORK_ERROR_STATUS, isApiError, type ApiError } from './api/api-error';

/** The French name of a refused field (`anchor.from` is named by its last part); else the name itself. */
function fieldLabel(field: string, t: TFunction): string {
  const name = field.split('.').at(-1) ?? field;
  return t(`apiErrors.fields.${name}`, { defaultValue: name });
}

function validationLines(error: ApiError, t: TFunction): string[] {
  return error.fields.map(({ field, constraints }) => {
    const constraint = constraints[0] ?? 'invalid';
    return t(`apiErrors.validation.${constraint}`, {
      field: fieldLabel(field, t),
      defaultValue: t('apiErrors.validation.invalid', { field: fieldLabel(field, t) }),
    });
  });
}

function byStatus(status: number, t: TFunction): string {
  switch (true) {
    case status === 400 || status === 409 || status === 422:
      return t('errors.invalid');
    case status === 401:
      return t('errors.sessionExpired');
    case status === 403:
      return t('errors.forbidden');
    case status === 404:
      return t('errors.notFound');
    case status === 429:
      return t('errors.tooManyRequests');
    case status >= 500:
      return t('errors.server');
    default:
      return t('errors.unexpected');
  }
}

/**
 * Turns any failure into French sentences: the catalogue's text for the server's `code` (for
 * validation, one line per refused field, named in French); by status when there is no code
 * (a proxy's page, an old server). The server's English messages never reach the screen.
 */
export function describeApiError(error: unknown, t: TFunction): string[] {
  if (!isApiError(error)) return [t('errors.unexpected')];
  if (error.status === NETWORK_ERROR_STATUS) return [t('errors.network')];
  if (error.code === 'validation_failed' && error.fields.length > 0) return validationLines(error, t);
  if (error.code) return [t(`apiErrors.codes.${error.code}`)];
  return [byStatus(error.status, t)];
}
