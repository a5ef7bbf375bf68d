import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../live/hooks/use-live';
import { roundQueryKey } from '../api/get-round';
import { roundsQueryKey } from '../api/get-rounds';
import type { RoundDetailDto } from '@coupole/shared';

/**
 * Keeps a round page current: `round.updated` carries the new tally, shown at once, then the
 * positions and the convergence map are refetched; `round.closed` and a reconnection refetch.
 */
export function useLiveRound(documentId: string | undefined, roundId: string): void {
  const queryClient = useQueryClient();
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) });
    if (documentId) void queryClient.invalidateQueries({ queryKey: roundsQueryKey(documentId) });
  };
  useLive(
    {
      'round.updated': (event) => {
        if (event.roundId !== roundId) return;
        queryClient.setQueryData<RoundDetailDto>(roundQueryKey(roundId), (round) =>
          round ? { ...round, tally: event.payload.tally } : round,
        );
        refetch();
      },
      'round.closed': (event) => {
        if (event.roundId === roundId) refetch();
      },
    },
    { documentId, onResync: refetch },
  );
}
