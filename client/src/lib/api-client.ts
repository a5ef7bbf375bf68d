import { ApiError, NETWORK_ERROR_STATUS, toApiError } from './api/api-error';

// Until every feature calls the generated client (./api/client.ts), the hand-typed helper stays.
export { ApiError, NETWORK_ERROR_STATUS, isApiError, toApiError } from './api/api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON; a FormData is sent as multipart (file uploads), its boundary set by the browser. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API on the same origin with the session cookie; resolves the JSON body or undefined. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const multipart = body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      credentials: 'include',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(NETWORK_ERROR_STATUS, []);
  }

  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }

  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}
