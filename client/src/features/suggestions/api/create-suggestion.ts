import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertSuggestion } from '../lib/suggestion-cache';
import type { Suggestion } from './get-suggestions';

export type CreateSuggestionInput = ApiSchema<'CreateSuggestionDto'>;

export function createSuggestion(documentId: string, input: CreateSuggestionInput): Promise<Suggestion> {
  return unwrap(api.POST('/api/documents/{id}/suggestions', { params: { path: { id: documentId } }, body: input }));
}

export function useCreateSuggestion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSuggestionInput) => createSuggestion(documentId, input),
    onSuccess: (suggestion) => upsertSuggestion(queryClient, documentKeys.suggestions(documentId), suggestion),
  });
}
