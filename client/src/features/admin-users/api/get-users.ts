import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ListResponse, UserDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getUsers(): Promise<ListResponse<UserDto>> {
  return apiRequest<ListResponse<UserDto>>('/users');
}

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: ['users'],
    queryFn: getUsers,
  });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
