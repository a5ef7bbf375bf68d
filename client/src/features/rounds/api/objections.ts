import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { RoundObjectionDto } from '@coupole/shared';
import { roundQueryKey } from './get-round';

export function withdrawObjection(roundId: string, objectionId: string): Promise<RoundObjectionDto> {
  return apiRequest<RoundObjectionDto>(
    `/rounds/${encodeURIComponent(roundId)}/objections/${encodeURIComponent(objectionId)}/withdraw`,
    { method: 'POST' },
  );
}

export function applyAmendment(objectionId: string): Promise<{ markdown: string; objection: RoundObjectionDto }> {
  return apiRequest(`/objections/${encodeURIComponent(objectionId)}/apply-amendment`, { method: 'POST' });
}

export function useWithdrawObjection(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (objectionId: string) => withdrawObjection(roundId, objectionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) }),
  });
}

export function useApplyAmendment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyAmendment,
    // The draft changes through the collaborative editor; the document's metadata and timeline follow.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'detail', documentId] }),
  });
}
