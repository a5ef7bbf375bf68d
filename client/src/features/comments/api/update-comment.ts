import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommentDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { upsertComment } from '../lib/comment-cache';
import { commentsQueryKey } from './get-comments';

export interface UpdateCommentInput {
  resolved?: boolean;
  body?: string;
}

export function updateComment(commentId: string, input: UpdateCommentInput): Promise<CommentDto> {
  return apiRequest<CommentDto>(`/comments/${encodeURIComponent(commentId)}`, { method: 'PATCH', body: input });
}

export function useUpdateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, ...input }: UpdateCommentInput & { commentId: string }) =>
      updateComment(commentId, input),
    onSuccess: (comment) => upsertComment(queryClient, commentsQueryKey(documentId), comment),
  });
}
