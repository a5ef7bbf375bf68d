import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionDetailDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getDecision(seq: number): Promise<DecisionDetailDto> {
  return apiRequest<DecisionDetailDto>(`/decisions/${seq}`);
}

export const decisionQueryOptions = (seq: number) =>
  queryOptions({
    queryKey: ['decisions', 'detail', seq] as const,
    queryFn: () => getDecision(seq),
    // A decision never changes once written.
    staleTime: Infinity,
  });

export function useDecision(seq: number) {
  return useQuery(decisionQueryOptions(seq));
}
