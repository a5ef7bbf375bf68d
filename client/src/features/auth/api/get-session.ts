import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@coupole/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/query-client';

/** The signed-in user, or null when there is no session (401 is an answer here, not a failure). */
export async function getSession(): Promise<UserDto | null> {
  try {
    return await apiRequest<UserDto>('/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: getSession,
    staleTime: 5 * 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
