import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertComment } from '../lib/comment-cache';
import type { Comment } from './get-comments';

export type UpdateCommentInput = ApiSchema<'UpdateCommentDto'>;

export function updateComment(commentId: string, input: UpdateCommentInput): Promise<Comment> {
  return unwrap(api.PATCH('/api/comments/{id}', { params: { path: { id: commentId } }, body: input }));
}

export function useUpdateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, ...input }: UpdateCommentInput & { commentId: string }) =>
      updateComment(commentId, input),
    onSuccess: (comment) => upsertComment(queryClient, documentKeys.comments(documentId), comment),
  });
}
