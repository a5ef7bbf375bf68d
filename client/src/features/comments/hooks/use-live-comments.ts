import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys } from '../../../lib/api/query-keys';
import type { Comment } from '../api/get-comments';
import { upsertComment } from '../lib/comment-cache';

/** Keeps the document's threads current as others write, reply and resolve (a suggestion's card keeps its own). */
export function useLiveComments(documentId: string): void {
  const queryClient = useQueryClient();
  const key = documentKeys.comments(documentId);
  const upsert = (comment: Comment) => {
    if (!comment.suggestionId) upsertComment(queryClient, key, comment);
  };
  useLive(
    {
      'comment.created': (event) => upsert(event.payload.comment),
      'comment.updated': (event) => upsert(event.payload.comment),
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );
}
