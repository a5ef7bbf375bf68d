import type { DecisionSearchQuery } from '@coupole/shared';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { decisionKeys } from '../../../lib/api/query-keys';

export type DecisionSummary = ApiSchema<'DecisionSummaryResponseDto'>;

export function getDecisions(query: DecisionSearchQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/decisions', { params: { query }, signal }));
}

// Typing in the search box keeps the previous results on screen until the new ones arrive.
const decisionsQuery = defineQuery({ key: decisionKeys.list, fetch: getDecisions, keepPrevious: true });
export const decisionsQueryOptions = decisionsQuery.options;
export const useDecisions = decisionsQuery.use;
