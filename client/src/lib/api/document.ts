import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from './client';
import { documentKeys } from './query-keys';

export type DocumentDetail = ApiSchema<'DocumentResponseDto'>;

export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return unwrap(api.GET('/api/documents/{id}', { params: { path: { id } }, signal }));
}

export const documentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => getDocument(id, signal),
  });

export function useDocument(id: string) {
  return useQuery(documentQueryOptions(id));
}
