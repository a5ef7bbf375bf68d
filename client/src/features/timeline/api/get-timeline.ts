import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TimelineEventDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getTimeline(documentId: string): Promise<{ items: TimelineEventDto[] }> {
  return apiRequest<{ items: TimelineEventDto[] }>(`/documents/${encodeURIComponent(documentId)}/timeline`);
}

export const timelineQueryKey = (documentId: string) => ['documents', 'detail', documentId, 'timeline'] as const;

export const timelineQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: timelineQueryKey(documentId),
    queryFn: () => getTimeline(documentId),
  });

export function useTimeline(documentId: string) {
  return useQuery(timelineQueryOptions(documentId));
}
