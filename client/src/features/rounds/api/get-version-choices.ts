import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ListResponse, VersionDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

/** A frozen version a round can be opened on. */
export type VersionChoice = Pick<VersionDto, 'number' | 'label' | 'createdAt' | 'contentHash'>;

export function getVersionChoices(documentId: string): Promise<ListResponse<VersionChoice>> {
  return apiRequest<ListResponse<VersionChoice>>(`/documents/${encodeURIComponent(documentId)}/versions`);
}

// Same key as the versions panel's list: freezing a version there refreshes the choices here.
export const versionChoicesQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: ['documents', 'detail', documentId, 'versions'] as const,
    queryFn: () => getVersionChoices(documentId),
  });

export function useVersionChoices(documentId: string) {
  return useQuery(versionChoicesQueryOptions(documentId));
}
