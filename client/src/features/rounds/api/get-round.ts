import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { RoundDetailDto } from '@coupole/shared';

export function getRound(roundId: string): Promise<RoundDetailDto> {
  return apiRequest<RoundDetailDto>(`/rounds/${encodeURIComponent(roundId)}`);
}

export const roundQueryKey = (roundId: string) => ['rounds', 'detail', roundId] as const;

export const roundQueryOptions = (roundId: string) =>
  queryOptions({
    queryKey: roundQueryKey(roundId),
    queryFn: () => getRound(roundId),
  });

export function useRound(roundId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...roundQueryOptions(roundId), enabled });
}
