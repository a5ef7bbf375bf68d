import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

export type RoundSummary = ApiSchema<'RoundSummaryResponseDto'>;

export function getRounds(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/rounds', { params: { path: { id: documentId } }, signal }));
}

const roundsQuery = defineQuery({ key: documentKeys.rounds, fetch: getRounds });
export const roundsQueryOptions = roundsQuery.options;
export const useRounds = roundsQuery.use;
