import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

/** A frozen version a round can be opened on. */
export type VersionChoice = ApiSchema<'VersionSummaryResponseDto'>;

export function getVersionChoices(documentId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/documents/{id}/versions', { params: { path: { id: documentId } }, signal }));
}

// Same key as the versions panel's list: freezing a version there refreshes the choices here.
const versionChoicesQuery = defineQuery({ key: documentKeys.versions, fetch: getVersionChoices });
export const versionChoicesQueryOptions = versionChoicesQuery.options;
export const useVersionChoices = versionChoicesQuery.use;
