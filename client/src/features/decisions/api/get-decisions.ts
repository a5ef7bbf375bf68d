import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionSearchQuery } from '@coupole/shared';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { decisionKeys } from '../../../lib/api/query-keys';

export type DecisionSummary = ApiSchema<'DecisionSummaryResponseDto'>;

export function getDecisions(query: DecisionSearchQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/decisions', { params: { query }, signal }));
}

export const decisionsQueryOptions = (query: DecisionSearchQuery) =>
  queryOptions({
    queryKey: decisionKeys.list(query),
    queryFn: ({ signal }) => getDecisions(query, signal),
    // Typing in the search box keeps the previous results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useDecisions(query: DecisionSearchQuery) {
  return useQuery(decisionsQueryOptions(query));
}
