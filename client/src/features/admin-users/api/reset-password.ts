import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { userKeys } from '../../../lib/api/query-keys';
import type { CreatedUser } from './create-user';

export function resetPassword(id: string): Promise<CreatedUser> {
  return unwrap(api.POST('/api/users/{id}/password-reset', { params: { path: { id } } }));
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    // The account now shows "Mot de passe provisoire".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
