import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentDetailDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getDocument(id: string): Promise<DocumentDetailDto> {
  return apiRequest<DocumentDetailDto>(`/documents/${encodeURIComponent(id)}`);
}

export const documentQueryKey = (id: string) => ['documents', 'detail', id] as const;

export const documentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: documentQueryKey(id),
    queryFn: () => getDocument(id),
  });

export function useDocument(id: string) {
  return useQuery(documentQueryOptions(id));
}
