import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

/** A frozen version a round can be opened on. */
export type VersionChoice = ApiSchema<'VersionSummaryResponseDto'>;

export function getVersionChoices(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/versions', { params: { path: { id: documentId } }, signal }));
}

// Same key as the versions panel's list: freezing a version there refreshes the choices here.
export const versionChoicesQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.versions(documentId),
    queryFn: ({ signal }) => getVersionChoices(documentId, signal),
  });

export function useVersionChoices(documentId: string) {
  return useQuery(versionChoicesQueryOptions(documentId));
}
