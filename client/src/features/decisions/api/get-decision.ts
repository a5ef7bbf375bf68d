import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { decisionKeys } from '../../../lib/api/query-keys';

export type DecisionDetail = ApiSchema<'DecisionDetailResponseDto'>;
export type Paragraph = ApiSchema<'ParagraphResponseDto'>;
export type PositionAuthor = ApiSchema<'PositionAuthorResponseDto'>;

export function getDecision(seq: number, signal?: AbortSignal): Promise<DecisionDetail> {
  return unwrap(api.GET('/api/decisions/{seq}', { params: { path: { seq } }, signal }));
}

export const decisionQueryOptions = (seq: number) =>
  queryOptions({
    queryKey: decisionKeys.detail(seq),
    queryFn: ({ signal }) => getDecision(seq, signal),
    // A decision never changes once written.
    staleTime: Infinity,
  });

export function useDecision(seq: number) {
  return useQuery(decisionQueryOptions(seq));
}
