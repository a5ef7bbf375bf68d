import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PresenceEntry } from '@coupole/shared';
import { documentKeys } from '../../../lib/api/query-keys';
import { useLive } from '../../../lib/live/use-live';

/**
 * The list's live layer: who is editing each document right now (from `presence` summaries),
 * and a refetch when a document changes (title, status, last edit).
 */
export function useLiveDocuments(): Record<string, PresenceEntry[]> {
  const queryClient = useQueryClient();
  const [editors, setEditors] = useState<Record<string, PresenceEntry[]>>({});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
  useLive(
    {
      presence: (event) => setEditors((current) => ({ ...current, [event.documentId]: event.payload.editors })),
      'document.updated': refresh,
      'document.edited': refresh,
      'round.opened': refresh,
      'round.closed': refresh,
    },
    { onResync: refresh },
  );
  return editors;
}
