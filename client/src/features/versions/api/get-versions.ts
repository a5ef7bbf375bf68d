import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

/** A version in the list: everything but its body. */
export type VersionSummary = ApiSchema<'VersionSummaryResponseDto'>;

export function getVersions(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/versions', { params: { path: { id: documentId } }, signal }));
}

const versionsQuery = defineQuery({ key: documentKeys.versions, fetch: getVersions });
export const versionsQueryOptions = versionsQuery.options;
export const useVersions = versionsQuery.use;
