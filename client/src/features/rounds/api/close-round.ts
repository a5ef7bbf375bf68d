import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { decisionKeys, documentKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from './get-round';

export type CloseRoundInput = ApiSchema<'CloseRoundDto'>;

export function closeRound(roundId: string, input: CloseRoundInput): Promise<RoundDetail> {
  return unwrap(api.POST('/api/rounds/{id}/close', { params: { path: { id: roundId } }, body: input }));
}

export function cancelRound(roundId: string): Promise<RoundDetail> {
  return unwrap(api.POST('/api/rounds/{id}/cancel', { params: { path: { id: roundId } } }));
}

function useRoundEnding(roundId: string, end: (input: CloseRoundInput) => Promise<RoundDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: end,
    onSuccess: (round) => {
      queryClient.setQueryData(roundKeys.detail(roundId), round);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.detail(round.documentId) }),
        queryClient.invalidateQueries({ queryKey: decisionKeys.all }),
      ]);
    },
  });
}

export function useCloseRound(roundId: string) {
  return useRoundEnding(roundId, (input) => closeRound(roundId, input));
}

export function useCancelRound(roundId: string) {
  return useRoundEnding(roundId, () => cancelRound(roundId));
}
