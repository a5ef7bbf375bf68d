import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertComment } from '../lib/comment-cache';
import type { Comment, CommentList } from './get-comments';

/** One suggestion's card: its document (the cache lives under it) and the suggestion. */
export interface SuggestionThreadRef {
  documentId: string;
  suggestionId: string;
}

export const suggestionThreadKey = ({ documentId, suggestionId }: SuggestionThreadRef) => documentKeys.suggestionComments(documentId, suggestionId);

export function getSuggestionComments({ suggestionId }: SuggestionThreadRef, signal?: AbortSignal): Promise<CommentList> {
  return unwrap(api.GET('/api/suggestions/{id}/comments', { params: { path: { id: suggestionId } }, signal }));
}

export const useSuggestionComments = defineQuery({ key: suggestionThreadKey, fetch: getSuggestionComments }).use;

export function commentOnSuggestion(suggestionId: string, body: string): Promise<Comment> {
  return unwrap(api.POST('/api/suggestions/{id}/comments', { params: { path: { id: suggestionId } }, body: { body } }));
}

export function useCommentOnSuggestion(thread: SuggestionThreadRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => commentOnSuggestion(thread.suggestionId, body),
    onSuccess: (comment) => {
      const key = suggestionThreadKey(thread);
      // A thread that was empty was never fetched: the answer starts it.
      if (queryClient.getQueryData(key)) upsertComment(queryClient, key, comment);
      else queryClient.setQueryData<CommentList>(key, { items: [comment], total: 1 });
    },
  });
}
