import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { sessionKeys } from '../../../lib/api/query-keys';

export function logout(): Promise<void> {
  return unwrap(api.POST('/api/auth/logout'));
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Forgetting the user first makes the guards leave the private pages, then their data goes.
      queryClient.setQueryData(sessionKeys.current, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] });
    },
  });
}
