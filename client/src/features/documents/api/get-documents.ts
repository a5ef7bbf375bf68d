import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';
import { filtersToQuery, type DocumentFilters } from '../lib/document-filters';

export type DocumentListItem = ApiSchema<'DocumentListItemResponseDto'>;

export function getDocuments(filters: DocumentFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents', { params: { query: filtersToQuery(filters) }, signal }));
}

// Keep the rows on screen while the next search runs.
const documentsQuery = defineQuery({ key: documentKeys.list, fetch: getDocuments, keepPrevious: true });
export const documentsQueryOptions = documentsQuery.options;
export const useDocuments = documentsQuery.use;
