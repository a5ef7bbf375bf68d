import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export type Comment = ApiSchema<'CommentResponseDto'>;
export type CommentList = ApiSchema<'CommentListResponseDto'>;

export function getComments(documentId: string, signal?: AbortSignal): Promise<CommentList> {
  return unwrap(api.GET('/api/documents/{id}/comments', { params: { path: { id: documentId } }, signal }));
}

export const commentsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.comments(documentId),
    queryFn: ({ signal }) => getComments(documentId, signal),
  });

export function useComments(documentId: string) {
  return useQuery(commentsQueryOptions(documentId));
}
