import type { TFunction } from 'i18next';
import type { ApiErrorCode } from '@coupole/shared';
import { NETWORK_ERROR_STATUS, isApiError, type ApiError } from './api/api-error';

/** The French name of a refused field (`anchor.from` is named by its last part); else the name itself. */
function fieldLabel(field: string, t: TFunction): string {
  const name = field.split('.').at(-1) ?? field;
  return t(`apiErrors.fields.${name}`, { defaultValue: name });
}

function validationLine({ field, constraints }: ApiError['fields'][number], t: TFunction): string {
  const constraint = constraints[0] ?? 'invalid';
  return t(`apiErrors.validation.${constraint}`, {
    field: fieldLabel(field, t),
    defaultValue: t('apiErrors.validation.invalid', { field: fieldLabel(field, t) }),
  });
}

function validationLines(error: ApiError, t: TFunction): string[] {
  return error.fields.map((field) => validationLine(field, t));
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

export interface FieldErrorLines {
  /** The French line for each refused field the form shows, by its path (`startDate`, `agenda.0.title`). */
  byField: Partial<Record<string, string>>;
  /** What the form cannot put beside a field (another field, a conflict, a network failure); empty when none. */
  others: string[];
}

/**
 * The same French lines as `describeApiError`, split for a form: a refused field it shows goes
 * beside that field (`error` of TextField/SelectField), the rest above the buttons. When every
 * refusal sits beside its field, `others` keeps the code's general sentence so the failure is
 * also announced once (role="alert").
 */
export function fieldErrorLines(
  error: unknown,
  t: TFunction,
  shown: readonly string[],
  /** Refusals by code that concern one field (`body_name_taken` → `name`): shown beside it too. */
  codeFields: Partial<Record<ApiErrorCode, string>> = {},
): FieldErrorLines {
  if (!error) return { byField: {}, others: [] };
  const codeField = isApiError(error) && error.code ? codeFields[error.code] : undefined;
  if (codeField && shown.includes(codeField)) return { byField: { [codeField]: describeApiError(error, t)[0] }, others: [t('apiErrors.codes.validation_failed')] };
  if (!isApiError(error) || error.code !== 'validation_failed' || error.fields.length === 0) {
    return { byField: {}, others: describeApiError(error, t) };
  }
  const byField: Partial<Record<string, string>> = {};
  const others: string[] = [];
  for (const field of error.fields) {
    const line = validationLine(field, t);
    if (shown.includes(field.field)) byField[field.field] ??= line;
    else others.push(line);
  }
  return { byField, others: others.length > 0 ? others : [t('apiErrors.codes.validation_failed')] };
}
