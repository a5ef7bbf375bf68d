import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ObjectionAnswers } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import type { RoundDetailDto } from '@coupole/shared';
import { roundQueryKey } from './get-round';

export interface CloseRoundRequest {
  answers?: ObjectionAnswers;
  statement?: string;
}

export function closeRound(roundId: string, request: CloseRoundRequest): Promise<RoundDetailDto> {
  return apiRequest<RoundDetailDto>(`/rounds/${encodeURIComponent(roundId)}/close`, { method: 'POST', body: request });
}

export function cancelRound(roundId: string): Promise<RoundDetailDto> {
  return apiRequest<RoundDetailDto>(`/rounds/${encodeURIComponent(roundId)}/cancel`, { method: 'POST' });
}

function useRoundEnding(roundId: string, end: (request: CloseRoundRequest) => Promise<RoundDetailDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: end,
    onSuccess: (round) => {
      queryClient.setQueryData(roundQueryKey(roundId), round);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['documents', 'detail', round.documentId] }),
        queryClient.invalidateQueries({ queryKey: ['decisions'] }),
      ]);
    },
  });
}

export function useCloseRound(roundId: string) {
  return useRoundEnding(roundId, (request) => closeRound(roundId, request));
}

export function useCancelRound(roundId: string) {
  return useRoundEnding(roundId, () => cancelRound(roundId));
}
