import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertSuggestion } from '../lib/suggestion-cache';
import type { Suggestion } from './get-suggestions';

export type SuggestionDecision = 'accept' | 'reject' | 'withdraw';

export function decideSuggestion(id: string, decision: SuggestionDecision): Promise<Suggestion> {
  const params = { params: { path: { id } } };
  if (decision === 'accept') return unwrap(api.POST('/api/suggestions/{id}/accept', params));
  if (decision === 'reject') return unwrap(api.POST('/api/suggestions/{id}/reject', params));
  return unwrap(api.DELETE('/api/suggestions/{id}', params));
}

/** Accept, refuse or withdraw; a refusal (409: orphaned meanwhile) refreshes the list. */
export function useDecideSuggestion(documentId: string) {
  const queryClient = useQueryClient();
  const key = documentKeys.suggestions(documentId);
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: SuggestionDecision }) => decideSuggestion(id, decision),
    onSuccess: (suggestion) => upsertSuggestion(queryClient, key, suggestion),
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}

/**
 * "Tout accepter / tout refuser de <fédération>": one decision after the other, in the order
 * they were made; one that fails (orphaned meanwhile, decided by someone else) does not stop
 * the others. Resolves with how many failed.
 */
export function useDecideAll(documentId: string) {
  const queryClient = useQueryClient();
  const key = documentKeys.suggestions(documentId);
  return useMutation({
    mutationFn: async ({ ids, decision }: { ids: string[]; decision: 'accept' | 'reject' }) => {
      let failed = 0;
      for (const id of ids) {
        try {
          upsertSuggestion(queryClient, key, await decideSuggestion(id, decision));
        } catch {
          failed += 1;
        }
      }
      return failed;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}
