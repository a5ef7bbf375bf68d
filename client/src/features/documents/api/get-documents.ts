import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import { filtersToQuery, type DocumentFilters } from '../lib/document-filters';

export type DocumentListItem = ApiSchema<'DocumentListItemResponseDto'>;

export function getDocuments(filters: DocumentFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents', { params: { query: filtersToQuery(filters) }, signal }));
}

export const documentsQueryOptions = (filters: DocumentFilters) =>
  queryOptions({
    queryKey: documentKeys.list(filters),
    queryFn: ({ signal }) => getDocuments(filters, signal),
    // Keep the rows on screen while the next search runs.
    placeholderData: keepPreviousData,
  });

export function useDocuments(filters: DocumentFilters) {
  return useQuery(documentsQueryOptions(filters));
}
