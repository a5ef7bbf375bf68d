import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertComment } from '../lib/comment-cache';
import type { Comment } from './get-comments';

export type CreateCommentInput = ApiSchema<'CreateCommentDto'>;

export function createComment(documentId: string, input: CreateCommentInput): Promise<Comment> {
  return unwrap(api.POST('/api/documents/{id}/comments', { params: { path: { id: documentId } }, body: input }));
}

export function useCreateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => createComment(documentId, input),
    onSuccess: (comment) => upsertComment(queryClient, documentKeys.comments(documentId), comment),
  });
}
