import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Suggestion, SuggestionList } from '../api/get-suggestions';

const RANK = { open: 0, orphaned: 1, accepted: 2, rejected: 2, withdrawn: 2 } as const;

/** Adds a suggestion or replaces the older copy; a decided copy never goes back to open. */
export function withSuggestion(list: SuggestionList, suggestion: Suggestion): SuggestionList {
  const index = list.items.findIndex((item) => item.id === suggestion.id);
  if (index === -1) return { items: [...list.items, suggestion], total: list.total + 1 };
  if (RANK[list.items[index].status] > RANK[suggestion.status]) return list;
  const items = list.items.slice();
  items[index] = suggestion;
  return { items, total: list.total };
}

export function upsertSuggestion(queryClient: QueryClient, key: QueryKey, suggestion: Suggestion): void {
  const list = queryClient.getQueryData<SuggestionList>(key);
  if (list) queryClient.setQueryData(key, withSuggestion(list, suggestion));
  else void queryClient.invalidateQueries({ queryKey: key });
}
