import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export type TimelineEvent = ApiSchema<'TimelineEventResponseDto'>;

export function getTimeline(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/timeline', { params: { path: { id: documentId } }, signal }));
}

export const timelineQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.timeline(documentId),
    queryFn: ({ signal }) => getTimeline(documentId, signal),
  });

export function useTimeline(documentId: string) {
  return useQuery(timelineQueryOptions(documentId));
}
