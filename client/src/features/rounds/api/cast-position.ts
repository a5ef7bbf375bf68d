import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { roundKeys } from '../../../lib/api/query-keys';
import { patchCachedRound } from '../hooks/use-live-round';
import type { RoundDetail } from './get-round';

export type PositionInput = ApiSchema<'CastPositionDto'>;

export function castPosition(roundId: string, input: PositionInput) {
  return unwrap(api.PUT('/api/rounds/{id}/position', { params: { path: { id: roundId } }, body: input }));
}

export function useCastPosition(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PositionInput) => castPosition(roundId, input),
    onSuccess: (answer) => {
      // The answer is this cast's own `round.updated` (same seq, the full history): patch the
      // round with it, unless the event got there first. No refetch unless a cast was missed.
      if (patchCachedRound(queryClient, roundId, answer) === 'gap') return queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
      if (answer.status !== 'open') {
        queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), (round) =>
          round ? { ...round, status: answer.status, outcome: answer.outcome } : round,
        );
      }
    },
  });
}
