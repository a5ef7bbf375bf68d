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

/** Events kept to apply once the ones before them arrive, or on a refetched round older than them. */
const KEPT_EVENTS = 50;
/**
 * Casts committed at once are published by concurrent requests, so their events may arrive
 * crossed: a skipped `seq` is waited for this long before it counts as missed.
 */
const GAP_WAIT_MS = 1_000;

/**
 * Keeps a round page current without refetching it: each `round.updated` carries its `seq`, the
 * tally, the position and the objection that changed, and is applied to the cached round when
 * it follows the round's `seq` (later ones wait for it). A `seq` still missing after
 * GAP_WAIT_MS refetches the round once; the events kept are applied to the answer if it is older
 * than them. `round.closed`, a moved deadline and a reconnection refetch.
 */
export function useLiveRound(documentId: string | undefined, roundId: string): void {
  const queryClient = useQueryClient();
  const received = useRef<RoundUpdatedPayload[]>([]);
  const gapTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
    if (documentId) void queryClient.invalidateQueries({ queryKey: documentKeys.rounds(documentId) });
  };

  /** Applies the kept events that follow the cached round, in order; waits for a missing one, then refetches. */
  const drain = () => {
    const key = roundKeys.detail(roundId);
    for (;;) {
      const round = queryClient.getQueryData<RoundDetail>(key);
      if (!round) return;
      const next = received.current.find((update) => update.seq === round.seq + 1);
      if (!next || patchCachedRound(queryClient, roundId, next) !== 'applied') break;
    }
    const seq = queryClient.getQueryData<RoundDetail>(key)?.seq ?? 0;
    const waiting = received.current.some((update) => update.seq > seq);
    if (!waiting) {
      clearTimeout(gapTimer.current);
      gapTimer.current = undefined;
    } else if (!gapTimer.current) {
      gapTimer.current = setTimeout(() => {
        gapTimer.current = undefined;
        const now = queryClient.getQueryData<RoundDetail>(key)?.seq ?? 0;
        if (!received.current.some((update) => update.seq > now)) return;
        if (queryClient.isFetching({ queryKey: key }) === 0) void queryClient.invalidateQueries({ queryKey: key });
      }, GAP_WAIT_MS);
    }
  };
  const latestDrain = useRef(drain);
  latestDrain.current = drain;

  useEffect(() => {
    received.current = [];
    const key = JSON.stringify(roundKeys.detail(roundId));
    const unsubscribe = queryClient.getQueryCache().subscribe((change) => {
      // Answers of the server only, not this hook's own patches.
      if (change.type !== 'updated' || change.action.type !== 'success' || change.action.manual) return;
      if (JSON.stringify(change.query.queryKey) !== key) return;
      // setQueryData from inside the cache's notification would re-enter it: after this turn.
      queueMicrotask(() => latestDrain.current());
    });
    return () => {
      unsubscribe();
      clearTimeout(gapTimer.current);
      gapTimer.current = undefined;
    };
  }, [queryClient, roundId]);

  useLive(
    {
      'round.updated': (event) => {
        if (event.roundId !== roundId) return;
        received.current = [...received.current, event.payload].slice(-KEPT_EVENTS);
        drain();
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
