import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CommentDto, ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getComments(documentId: string): Promise<ListResponse<CommentDto>> {
  return apiRequest<ListResponse<CommentDto>>(`/documents/${encodeURIComponent(documentId)}/comments`);
}

export const commentsQueryKey = (documentId: string) => ['documents', 'detail', documentId, 'comments'] as const;

export const commentsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: commentsQueryKey(documentId),
    queryFn: () => getComments(documentId),
  });

export function useComments(documentId: string) {
  return useQuery(commentsQueryOptions(documentId));
}
