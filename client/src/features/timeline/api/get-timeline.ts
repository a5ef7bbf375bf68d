import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

export type TimelineEvent = ApiSchema<'TimelineEventResponseDto'>;

export function getTimeline(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/timeline', { params: { path: { id: documentId } }, signal }));
}

const timelineQuery = defineQuery({ key: documentKeys.timeline, fetch: getTimeline });
export const timelineQueryOptions = timelineQuery.options;
export const useTimeline = timelineQuery.use;
