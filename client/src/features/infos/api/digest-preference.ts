import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestFrequency } from '@coupole/shared';
import { api, unwrap } from '../../../lib/api/client';
import { infoKeys } from '../../../lib/api/query-keys';

export function useDigestPreference() {
  return useQuery({ queryKey: infoKeys.digest(), queryFn: ({ signal }) => unwrap(api.GET('/api/me/digest', { signal })) });
}

export function useSetDigestPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frequency: DigestFrequency) => unwrap(api.PUT('/api/me/digest', { body: { frequency } })),
    onSuccess: (preference) => queryClient.setQueryData(infoKeys.digest(), preference),
  });
}
