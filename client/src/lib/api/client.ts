import createClient from 'openapi-fetch';
import { ApiError, NETWORK_ERROR_STATUS, toApiError } from './api-error';
import type { components, paths } from './schema';

/** A response or request body of the API, by its OpenAPI schema name. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * The typed client of the API on this origin, sending the session cookie. Paths, parameters and
 * bodies are checked against the generated schema; call it through `unwrap`.
 */
export function createApiClient(baseUrl: string) {
  return createClient<paths>({
    baseUrl,
    credentials: 'include',
    headers: { Accept: 'application/json' },
    // Looked up at call time, so a test's fetch stub is seen.
    fetch: (request) => globalThis.fetch(request),
  });
}

// Absolute, since Request needs one outside a browser (the unit tests run in Node).
export const api = createApiClient(globalThis.location?.origin ?? 'http://localhost');

function isAbort(cause: unknown): boolean {
  return typeof cause === 'object' && cause !== null && 'name' in cause && cause.name === 'AbortError';
}

interface CallResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * Resolves a call's data or raises an ApiError (status 0 when the server cannot be reached); an
 * abort goes through untouched, so TanStack Query can tell cancellation from failure.
 */
export async function unwrap<Data>(call: Promise<CallResult<Data>>): Promise<Data> {
  let result: CallResult<Data>;
  try {
    result = await call;
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(NETWORK_ERROR_STATUS, []);
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as Data;
}
