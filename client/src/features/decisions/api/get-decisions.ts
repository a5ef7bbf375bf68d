import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionSearchQuery, DecisionSummaryDto, ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { decisionQueryString } from '../lib/decision-filters';

export function getDecisions(query: DecisionSearchQuery): Promise<ListResponse<DecisionSummaryDto>> {
  const search = decisionQueryString(query);
  return apiRequest<ListResponse<DecisionSummaryDto>>(`/decisions${search ? `?${search}` : ''}`);
}

export const decisionsQueryOptions = (query: DecisionSearchQuery) =>
  queryOptions({
    queryKey: ['decisions', 'list', query] as const,
    queryFn: () => getDecisions(query),
    // Typing in the search box keeps the previous results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useDecisions(query: DecisionSearchQuery) {
  return useQuery(decisionsQueryOptions(query));
}
