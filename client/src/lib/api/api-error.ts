import type { ApiError as ApiErrorBody } from '@coupole/shared';

/** Status used when the request never reached the server (offline, DNS, CORS…). */
export const NETWORK_ERROR_STATUS = 0;

/** Every failed call raises this, whatever went wrong, so callers handle one type. */
export class ApiError extends Error {
  readonly status: number;
  /** The server's messages, always as a list (NestJS sends a string or an array). */
  readonly messages: string[];
  /** NestJS's short error name ("Bad Request", "Unauthorized"…), or '' if none was sent. */
  readonly error: string;

  constructor(status: number, messages: string[], error = '') {
    super(messages[0] ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
    this.error = error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    (typeof value.message === 'string' || Array.isArray(value.message))
  );
}

/** Builds the typed error from a failed response's status and (possibly non-JSON) body. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const messages = (Array.isArray(body.message) ? body.message : [body.message]).filter(
      (message): message is string => typeof message === 'string' && message.trim() !== '',
    );
    return new ApiError(status, messages, typeof body.error === 'string' ? body.error : '');
  }
  return new ApiError(status, []);
}
