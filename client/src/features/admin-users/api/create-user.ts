import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, CreateUserResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function createUser(input: CreateUserRequest): Promise<CreateUserResponse> {
  return apiRequest<CreateUserResponse>('/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    // Accounts also appear in the federations' member lists: refresh every view.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
