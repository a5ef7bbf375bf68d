import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionChainVerification } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function verifyRegister(): Promise<DecisionChainVerification> {
  return apiRequest<DecisionChainVerification>('/decisions/verify');
}

export const verifyRegisterQueryOptions = () =>
  queryOptions({
    queryKey: ['decisions', 'verify'] as const,
    queryFn: verifyRegister,
  });

export function useVerifyRegister() {
  return useQuery(verifyRegisterQueryOptions());
}
