import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { roundKeys } from '../../../lib/api/query-keys';
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
      // Show the new tally at once; the refetch brings the convergence map and objections.
      queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), (round) =>
        round ? { ...round, tally: answer.tally, status: answer.status, outcome: answer.outcome } : round,
      );
      return queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
    },
  });
}
