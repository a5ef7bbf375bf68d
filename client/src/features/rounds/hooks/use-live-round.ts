import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RoundUpdatedPayload } from '@coupole/shared';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from '../api/get-round';
import { applyRoundUpdate, type RoundUpdateResult } from '../lib/round-update';

type Update = Parameters<typeof applyRoundUpdate>[1];

/** Applies one numbered update to the cached round; says what became of it ('absent': nothing cached). */
export function patchCachedRound(queryClient: QueryClient, roundId: string, update: Update): RoundUpdateResult['kind'] | 'absent' {
  const round = queryClient.getQueryData<RoundDetail>(roundKeys.detail(roundId));
  if (!round) return 'absent';
  const result = applyRoundUpdate(round, update);
  if (result.kind === 'applied') queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), result.round);
  return result.kind;
}

/** Events kept to replay on a refetched round that is older than them. */
const REPLAY_LIMIT = 50;

/**
 * Keeps a round page current without refetching it: each `round.updated` carries its `seq`, the
 * tally, the position and the objection that changed, and is applied to the cached round when
 * it follows the round's `seq`. A skipped `seq` (an event missed) refetches the round once;
 * events that arrive meanwhile are replayed on the answer if it is older than them.
 * `round.closed`, a moved deadline and a reconnection refetch.
 */
export function useLiveRound(documentId: string | undefined, roundId: string): void {
  const queryClient = useQueryClient();
  const received = useRef<RoundUpdatedPayload[]>([]);
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
    if (documentId) void queryClient.invalidateQueries({ queryKey: documentKeys.rounds(documentId) });
  };
  const refetchOnGap = () => {
    if (queryClient.isFetching({ queryKey: roundKeys.detail(roundId) }) > 0) return;
    void queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
  };

  useEffect(() => {
    received.current = [];
    const key = JSON.stringify(roundKeys.detail(roundId));
    return queryClient.getQueryCache().subscribe((change) => {
      // Answers of the server only, not this hook's own patches.
      if (change.type !== 'updated' || change.action.type !== 'success' || change.action.manual) return;
      if (JSON.stringify(change.query.queryKey) !== key) return;
      const fetched = change.query.state.data as RoundDetail | undefined;
      const newer = received.current.filter((update) => fetched && update.seq > fetched.seq).sort((a, b) => a.seq - b.seq);
      if (newer.length === 0) return;
      // setQueryData from inside the cache's notification would re-enter it: after this turn.
      queueMicrotask(() => {
        for (const update of newer) {
          if (patchCachedRound(queryClient, roundId, update) === 'gap') return refetchOnGap();
        }
      });
    });
  }, [queryClient, roundId]);

  useLive(
    {
      'round.updated': (event) => {
        if (event.roundId !== roundId) return;
        received.current = [...received.current, event.payload].slice(-REPLAY_LIMIT);
        if (patchCachedRound(queryClient, roundId, event.payload) === 'gap') refetchOnGap();
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
