import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import type { RoundSummaryDto } from '@coupole/shared';

export function getRounds(documentId: string): Promise<ListResponse<RoundSummaryDto>> {
  return apiRequest<ListResponse<RoundSummaryDto>>(`/documents/${encodeURIComponent(documentId)}/rounds`);
}

export const roundsQueryKey = (documentId: string) => ['documents', 'detail', documentId, 'rounds'] as const;

export const roundsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: roundsQueryKey(documentId),
    queryFn: () => getRounds(documentId),
  });

export function useRounds(documentId: string) {
  return useQuery(roundsQueryOptions(documentId));
}
