import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys } from '../../../lib/api/query-keys';
import { upsertComment } from '../lib/comment-cache';

/** Keeps the comment threads current as others write, reply and resolve. */
export function useLiveComments(documentId: string): void {
  const queryClient = useQueryClient();
  const key = documentKeys.comments(documentId);
  useLive(
    {
      'comment.created': (event) => upsertComment(queryClient, key, event.payload.comment),
      'comment.updated': (event) => upsertComment(queryClient, key, event.payload.comment),
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );
}
