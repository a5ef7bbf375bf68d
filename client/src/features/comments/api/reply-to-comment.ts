import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommentDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { upsertComment } from '../lib/comment-cache';
import { commentsQueryKey } from './get-comments';

export function replyToComment(commentId: string, body: string): Promise<CommentDto> {
  return apiRequest<CommentDto>(`/comments/${encodeURIComponent(commentId)}/replies`, {
    method: 'POST',
    body: { body },
  });
}

export function useReplyToComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => replyToComment(commentId, body),
    // The answer may be the whole thread or just the reply: refetch to be sure.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQueryKey(documentId) }),
  });
}
