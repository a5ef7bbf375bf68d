import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { sessionKeys } from '../../../lib/api/query-keys';

export type ChangePasswordInput = ApiSchema<'ChangePasswordDto'>;

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return unwrap(api.POST('/api/auth/password', { body: input }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The session's mustChangePassword flag flips: reload it before leaving the page.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.current }),
  });
}
