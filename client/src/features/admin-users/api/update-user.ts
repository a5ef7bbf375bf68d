import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import type { User } from './get-users';

export type UserChanges = ApiSchema<'UpdateUserDto'>;

export interface UpdateUserInput {
  id: string;
  changes: UserChanges;
}

export function updateUser({ id, changes }: UpdateUserInput): Promise<User> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: changes }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    // Names, roles and mandates show in the federations page and, for oneself, in the header.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
