import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';

export type CreateUserInput = ApiSchema<'CreateUserDto'>;
export type CreatedUser = ApiSchema<'CreateUserResponseDto'>;

export function createUser(input: CreateUserInput): Promise<CreatedUser> {
  return unwrap(api.POST('/api/users', { body: input }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    // Accounts also appear in the federations' member lists: refresh every view.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
