import { api, unwrap, type ApiSchema } from './client';
import { defineQuery } from './define-query';
import { documentKeys } from './query-keys';

export type DocumentDetail = ApiSchema<'DocumentResponseDto'>;

export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return unwrap(api.GET('/api/documents/{id}', { params: { path: { id } }, signal }));
}

const documentQuery = defineQuery({ key: documentKeys.detail, fetch: getDocument });
export const documentQueryOptions = documentQuery.options;
export const useDocument = documentQuery.use;
