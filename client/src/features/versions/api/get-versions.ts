import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

/** A version in the list: everything but its body. */
export type VersionSummary = ApiSchema<'VersionSummaryResponseDto'>;

export function getVersions(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/versions', { params: { path: { id: documentId } }, signal }));
}

export const versionsQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.versions(documentId),
    queryFn: ({ signal }) => getVersions(documentId, signal),
  });

export function useVersions(documentId: string) {
  return useQuery(versionsQueryOptions(documentId));
}
