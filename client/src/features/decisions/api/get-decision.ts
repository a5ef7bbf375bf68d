import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { decisionKeys } from '../../../lib/api/query-keys';

export type DecisionDetail = ApiSchema<'DecisionDetailResponseDto'>;
export type Paragraph = ApiSchema<'ParagraphResponseDto'>;
export type PositionAuthor = ApiSchema<'PositionAuthorResponseDto'>;

export function getDecision(seq: number, signal?: AbortSignal): Promise<DecisionDetail> {
  return unwrap(api.GET('/api/decisions/{seq}', { params: { path: { seq } }, signal }));
}

// A decision never changes once written.
const decisionQuery = defineQuery({ key: decisionKeys.detail, fetch: getDecision, immutable: true });
export const decisionQueryOptions = decisionQuery.options;
export const useDecision = decisionQuery.use;
