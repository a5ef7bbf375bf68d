import { isApiErrorCode, type ApiErrorCode, type ApiFieldError } from '@coupole/shared';

/** Status used when the request never reached the server (offline, DNS, CORS…). */
export const NETWORK_ERROR_STATUS = 0;

/** Every failed call raises this, whatever went wrong, so callers handle one type. */
export class ApiError extends Error {
  readonly status: number;
  /** The server's messages, always as a list (NestJS sends a string or an array). */
  readonly messages: string[];
  /** NestJS's short error name ("Bad Request", "Unauthorized"…), or '' if none was sent. */
  readonly error: string;
  /** The server's machine-readable reason, shown to the user from the catalogue; null if none. */
  readonly code: ApiErrorCode | null;
  /** For `validation_failed`: each refused field and the rules it broke. */
  readonly fields: ApiFieldError[];

  constructor(status: number, messages: string[], error = '', code: ApiErrorCode | null = null, fields: ApiFieldError[] = []) {
    super(messages[0] ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
    this.error = error;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

interface ErrorBody {
  message: unknown;
  error?: unknown;
  code?: unknown;
  fields?: unknown;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    (typeof value.message === 'string' || Array.isArray(value.message))
  );
}

function isFieldError(value: unknown): value is ApiFieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'field' in value &&
    typeof value.field === 'string' &&
    'constraints' in value &&
    Array.isArray(value.constraints)
  );
}

/** Builds the typed error from a failed response's status and (possibly non-JSON) body. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const messages = (Array.isArray(body.message) ? body.message : [body.message]).filter(
      (message): message is string => typeof message === 'string' && message.trim() !== '',
    );
    const fields = Array.isArray(body.fields) ? body.fields.filter(isFieldError) : [];
    return new ApiError(
      status,
      messages,
      typeof body.error === 'string' ? body.error : '',
      isApiErrorCode(body.code) ? body.code : null,
      fields,
    );
  }
  return new ApiError(status, []);
}
