import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest, UserDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export interface UpdateUserInput {
  id: string;
  changes: UpdateUserRequest;
}

export function updateUser({ id, changes }: UpdateUserInput): Promise<UserDto> {
  return apiRequest<UserDto>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    // Names, roles and mandates show in the federations page and, for oneself, in the header.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
