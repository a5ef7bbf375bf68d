import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from '../api/get-round';

/**
 * Keeps a round page current: `round.updated` carries the new tally, shown at once, then the
 * positions and the convergence map are refetched; `round.closed` and a reconnection refetch.
 */
export function useLiveRound(documentId: string | undefined, roundId: string): void {
  const queryClient = useQueryClient();
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
    if (documentId) void queryClient.invalidateQueries({ queryKey: documentKeys.rounds(documentId) });
  };
  useLive(
    {
      'round.updated': (event) => {
        if (event.roundId !== roundId) return;
        queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), (round) =>
          round ? { ...round, tally: event.payload.tally } : round,
        );
        refetch();
      },
      'round.closed': (event) => {
        if (event.roundId === roundId) refetch();
      },
      'round.deadline_extended': (event) => {
        if (event.roundId === roundId) refetch();
      },
    },
    { documentId, onResync: refetch },
  );
}
