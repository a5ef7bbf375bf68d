import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommentAnchorDto, CommentDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { upsertComment } from '../lib/comment-cache';
import { commentsQueryKey } from './get-comments';

export interface CreateCommentInput {
  body: string;
  anchor?: CommentAnchorDto;
}

export function createComment(documentId: string, input: CreateCommentInput): Promise<CommentDto> {
  return apiRequest<CommentDto>(`/documents/${encodeURIComponent(documentId)}/comments`, {
    method: 'POST',
    body: input,
  });
}

export function useCreateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => createComment(documentId, input),
    onSuccess: (comment) => upsertComment(queryClient, commentsQueryKey(documentId), comment),
  });
}
