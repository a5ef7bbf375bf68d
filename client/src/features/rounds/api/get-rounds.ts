import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export type RoundSummary = ApiSchema<'RoundSummaryResponseDto'>;

export function getRounds(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/rounds', { params: { path: { id: documentId } }, signal }));
}

export const roundsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.rounds(documentId),
    queryFn: ({ signal }) => getRounds(documentId, signal),
  });

export function useRounds(documentId: string) {
  return useQuery(roundsQueryOptions(documentId));
}
