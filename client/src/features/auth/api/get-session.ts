import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { isApiError } from '../../../lib/api/api-error';
import { sessionKeys } from '../../../lib/api/query-keys';

export type SessionUser = ApiSchema<'UserResponseDto'>;

/** The signed-in user, or null when there is no session (401 is an answer here, not a failure). */
export async function getSession(signal?: AbortSignal): Promise<SessionUser | null> {
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
