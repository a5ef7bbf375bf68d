import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { userKeys } from '../../../lib/api/query-keys';

export function getObserverCandidates(signal?: AbortSignal) {
  return unwrap(api.GET('/api/users/observers', { signal }));
}

export const observerCandidatesQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.observers,
    queryFn: ({ signal }) => getObserverCandidates(signal),
  });

/** The active observer accounts a document can invite (asked only by those who may invite). */
export function useObserverCandidates(enabled: boolean) {
  return useQuery({ ...observerCandidatesQueryOptions(), enabled });
}
