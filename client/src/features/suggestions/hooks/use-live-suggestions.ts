import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys } from '../../../lib/api/query-keys';
import type { SuggestionList } from '../api/get-suggestions';
import { upsertSuggestion } from '../lib/suggestion-cache';

function showsDraftText(suggestion: SuggestionList['items'][number]): boolean {
  return suggestion.status === 'orphaned' && suggestion.versionText != null;
}

/** Keeps the suggestions current as others suggest, accept, refuse and withdraw. */
export function useLiveSuggestions(documentId: string): void {
  const queryClient = useQueryClient();
  const key = documentKeys.suggestions(documentId);
  useLive(
    {
      'suggestion.created': (event) => upsertSuggestion(queryClient, key, event.payload.suggestion),
      'suggestion.updated': (event) => upsertSuggestion(queryClient, key, event.payload.suggestion),
      // An orphaned amendment shows the draft's paragraph beside the version's: the draft moved.
      'document.edited': () => {
        const list = queryClient.getQueryData<SuggestionList>(key);
        if (list?.items.some(showsDraftText)) void queryClient.invalidateQueries({ queryKey: key });
      },
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );
}
