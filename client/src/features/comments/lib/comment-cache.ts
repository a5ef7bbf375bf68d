import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Comment, CommentList } from '../api/get-comments';

/** Adds a comment to the list or replaces the older copy of it, keeping the list's order. */
export function withComment(list: CommentList, comment: Comment): CommentList {
  const index = list.items.findIndex((item) => item.id === comment.id);
  if (index === -1) return { items: [...list.items, comment], total: list.total + 1 };
  // An event may arrive after a fresher answer: keep whichever changed last.
  if (list.items[index].updatedAt > comment.updatedAt) return list;
  const items = list.items.slice();
  items[index] = comment;
  return { items, total: list.total };
}

export function upsertComment(queryClient: QueryClient, key: QueryKey, comment: Comment): void {
  const list = queryClient.getQueryData<CommentList>(key);
  if (list) queryClient.setQueryData(key, withComment(list, comment));
  else void queryClient.invalidateQueries({ queryKey: key });
}
