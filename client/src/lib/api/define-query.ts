import { keepPreviousData, queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';

interface QueryDefinition<Arg, Data> {
  /** The cache key, from lib/api/query-keys. */
  key: (arg: Arg) => QueryKey;
  fetch: (arg: Arg, signal?: AbortSignal) => Promise<Data>;
  /** The previous argument's data stays on screen while the next one's loads (searches, pages). */
  keepPrevious?: boolean;
  /** Data that never changes once written (a decision) is never refetched. */
  immutable?: boolean;
}

/**
 * One API read as the rest of the client uses it: `options(arg)` for loaders, prefetching and the
 * cache, `use(arg)` in components. Every feature's API file defines its reads this way.
 */
export function defineQuery<Arg, Data>({ key, fetch, keepPrevious = false, immutable = false }: QueryDefinition<Arg, Data>) {
  const options = (arg: Arg) =>
    queryOptions({
      queryKey: key(arg),
      queryFn: ({ signal }) => fetch(arg, signal),
      ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
      ...(immutable ? { staleTime: Infinity } : {}),
    });
  const use = (arg: Arg, { enabled = true }: { enabled?: boolean } = {}) => useQuery({ ...options(arg), enabled });
  return { options, use };
}
