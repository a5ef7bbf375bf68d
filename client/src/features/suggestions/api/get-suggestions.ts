import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export type Suggestion = ApiSchema<'SuggestionResponseDto'>;
export type SuggestionList = ApiSchema<'SuggestionListResponseDto'>;

export function getSuggestions(documentId: string, signal?: AbortSignal): Promise<SuggestionList> {
  return unwrap(api.GET('/api/documents/{id}/suggestions', { params: { path: { id: documentId } }, signal }));
}

export const suggestionsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.suggestions(documentId),
    queryFn: ({ signal }) => getSuggestions(documentId, signal),
  });

export function useSuggestions(documentId: string) {
  return useQuery(suggestionsQueryOptions(documentId));
}
