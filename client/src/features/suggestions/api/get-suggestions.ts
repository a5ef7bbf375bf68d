import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

export type Suggestion = ApiSchema<'SuggestionResponseDto'>;
export type SuggestionList = ApiSchema<'SuggestionListResponseDto'>;

export function getSuggestions(documentId: string, signal?: AbortSignal): Promise<SuggestionList> {
  return unwrap(api.GET('/api/documents/{id}/suggestions', { params: { path: { id: documentId } }, signal }));
}

const suggestionsQuery = defineQuery({ key: documentKeys.suggestions, fetch: getSuggestions });
export const suggestionsQueryOptions = suggestionsQuery.options;
export const useSuggestions = suggestionsQuery.use;
