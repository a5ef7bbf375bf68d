import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PositionInput } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import type { CastPositionResponseDto, RoundDetailDto } from '@coupole/shared';
import { roundQueryKey } from './get-round';

export function castPosition(roundId: string, input: PositionInput): Promise<CastPositionResponseDto> {
  return apiRequest<CastPositionResponseDto>(`/rounds/${encodeURIComponent(roundId)}/position`, { method: 'PUT', body: input });
}

export function useCastPosition(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PositionInput) => castPosition(roundId, input),
    onSuccess: (answer) => {
      // Show the new tally at once; the refetch brings the convergence map and objections.
      queryClient.setQueryData<RoundDetailDto>(roundQueryKey(roundId), (round) =>
        round ? { ...round, tally: answer.tally, status: answer.status, outcome: answer.outcome } : round,
      );
      return queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) });
    },
  });
}
