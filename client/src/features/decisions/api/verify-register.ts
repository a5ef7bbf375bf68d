import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { decisionKeys } from '../../../lib/api/query-keys';

export function verifyRegister(signal?: AbortSignal) {
  return unwrap(api.GET('/api/decisions/verify', { signal }));
}

export const verifyRegisterQueryOptions = () =>
  queryOptions({
    queryKey: decisionKeys.verify(),
    queryFn: ({ signal }) => verifyRegister(signal),
  });

export function useVerifyRegister() {
  return useQuery(verifyRegisterQueryOptions());
}
