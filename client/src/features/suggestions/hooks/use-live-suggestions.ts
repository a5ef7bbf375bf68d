import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertSuggestion } from '../lib/suggestion-cache';

/** Keeps the suggestions current as others suggest, accept, refuse and withdraw. */
export function useLiveSuggestions(documentId: string): void {
  const queryClient = useQueryClient();
  const key = documentKeys.suggestions(documentId);
  useLive(
    {
      'suggestion.created': (event) => upsertSuggestion(queryClient, key, event.payload.suggestion),
      'suggestion.updated': (event) => upsertSuggestion(queryClient, key, event.payload.suggestion),
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );
}
