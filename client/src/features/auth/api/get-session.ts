import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { isApiError } from '../../../lib/api/api-error';
import { sessionKeys } from '../../../lib/api/query-keys';

export type SessionUser = ApiSchema<'UserResponseDto'>;

/** Set by the server beside the httpOnly session cookie, for as long; it holds no secret. */
const SIGNED_IN_HINT = /(?:^|;\s*)coupole_signed_in=1(?:;|$)/;

/**
 * The signed-in user, or null when there is no session (401 is an answer here, not a failure).
 * Without the sign-in hint cookie there is no session to ask about: no request, so a visit to
 * the sign-in page logs no 401 in the console.
 */
export async function getSession(signal?: AbortSignal): Promise<SessionUser | null> {
  if (typeof document !== 'undefined' && !SIGNED_IN_HINT.test(document.cookie)) return null;
  try {
    return await unwrap(api.GET('/api/auth/me', { signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.current,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
