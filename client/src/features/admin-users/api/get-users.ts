import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { userKeys } from '../../../lib/api/query-keys';

export type User = ApiSchema<'UserResponseDto'>;

export function getUsers(signal?: AbortSignal) {
  return unwrap(api.GET('/api/users', { signal }));
}

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => getUsers(signal),
  });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
