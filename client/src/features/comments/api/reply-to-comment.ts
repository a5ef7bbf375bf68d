import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export function replyToComment(commentId: string, body: string) {
  return unwrap(api.POST('/api/comments/{id}/replies', { params: { path: { id: commentId } }, body: { body } }));
}

export function useReplyToComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => replyToComment(commentId, body),
    // The answer may be the whole thread or just the reply: refetch to be sure.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.comments(documentId) }),
  });
}
