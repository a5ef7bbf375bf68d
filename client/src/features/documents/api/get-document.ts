import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getDocument(id: string): Promise<DocumentDto> {
  return apiRequest<DocumentDto>(`/documents/${encodeURIComponent(id)}`);
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
