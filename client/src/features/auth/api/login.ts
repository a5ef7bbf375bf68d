import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { sessionKeys } from '../../../lib/api/query-keys';

export type LoginInput = ApiSchema<'LoginDto'>;

export function login(input: LoginInput) {
  return unwrap(api.POST('/api/auth/login', { body: input }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Another account may have been signed in on this tab before: drop its cached data.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] });
      queryClient.setQueryData(sessionKeys.current, user);
    },
  });
}
