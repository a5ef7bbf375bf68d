import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenRoundInput } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import type { RoundDetailDto } from '@coupole/shared';
import { roundQueryKey } from './get-round';

export function openRound(documentId: string, input: OpenRoundInput): Promise<RoundDetailDto> {
  return apiRequest<RoundDetailDto>(`/documents/${encodeURIComponent(documentId)}/rounds`, { method: 'POST', body: input });
}

export function useOpenRound(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenRoundInput) => openRound(documentId, input),
    onSuccess: (round) => {
      queryClient.setQueryData(roundQueryKey(round.id), round);
      // The document's status (in_round), its rounds and its timeline all changed.
      return queryClient.invalidateQueries({ queryKey: ['documents', 'detail', documentId] });
    },
  });
}
