import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from './get-round';

export type OpenRoundInput = ApiSchema<'OpenRoundDto'>;

export function openRound(documentId: string, input: OpenRoundInput): Promise<RoundDetail> {
  return unwrap(api.POST('/api/documents/{id}/rounds', { params: { path: { id: documentId } }, body: input }));
}

export function useOpenRound(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenRoundInput) => openRound(documentId, input),
    onSuccess: (round) => {
      queryClient.setQueryData(roundKeys.detail(round.id), round);
      // The document's status (in_round), its rounds and its timeline all changed.
      return queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) });
    },
  });
}
