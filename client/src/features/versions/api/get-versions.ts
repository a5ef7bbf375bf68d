import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ListResponse, VersionDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

/** A version in the list: everything but its body. */
export type VersionSummary = Omit<VersionDto, 'markdown' | 'paragraphs'>;

export function getVersions(documentId: string): Promise<ListResponse<VersionSummary>> {
  return apiRequest<ListResponse<VersionSummary>>(`/documents/${encodeURIComponent(documentId)}/versions`);
}

export const versionsQueryKey = (documentId: string) => ['documents', 'detail', documentId, 'versions'] as const;

export const versionsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: versionsQueryKey(documentId),
    queryFn: () => getVersions(documentId),
  });

export function useVersions(documentId: string) {
  return useQuery(versionsQueryOptions(documentId));
}
