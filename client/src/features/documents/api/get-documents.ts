import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentListItemDto, ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { filtersToQueryString, type DocumentFilters } from '../lib/document-filters';

export function getDocuments(filters: DocumentFilters): Promise<ListResponse<DocumentListItemDto>> {
  return apiRequest<ListResponse<DocumentListItemDto>>(`/documents${filtersToQueryString(filters)}`);
}

export const documentsQueryOptions = (filters: DocumentFilters) =>
  queryOptions({
    queryKey: ['documents', 'list', filters],
    queryFn: () => getDocuments(filters),
    // Keep the rows on screen while the next search runs.
    placeholderData: keepPreviousData,
  });

export function useDocuments(filters: DocumentFilters) {
  return useQuery(documentsQueryOptions(filters));
}
