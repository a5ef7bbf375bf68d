import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

/** A version number, or the moving draft. */
export type DiffSide = number | 'draft';

export type VersionDiff = ApiSchema<'VersionDiffResponseDto'>;

export function getDiff(documentId: string, from: DiffSide, to: DiffSide, signal?: AbortSignal): Promise<VersionDiff> {
  return unwrap(
    api.GET('/api/documents/{id}/diff', {
      params: { path: { id: documentId }, query: { from: String(from), to: String(to) } },
      signal,
    }),
  );
}

export const diffQueryOptions = (documentId: string, from: DiffSide, to: DiffSide) =>
  queryOptions({
    queryKey: documentKeys.diff(documentId, from, to),
    queryFn: ({ signal }) => getDiff(documentId, from, to, signal),
    // The draft moves; two frozen versions never do.
    staleTime: to === 'draft' || from === 'draft' ? 0 : Infinity,
  });

/** How often a comparison with the draft is refreshed while shown, besides the live `document.edited`. */
const DRAFT_DIFF_REFRESH_MS = 3_000;

export function useDiff(documentId: string, from: DiffSide | null, to: DiffSide | null) {
  return useQuery({
    ...diffQueryOptions(documentId, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
    // The draft side follows the text as it is edited, for as long as the comparison is open.
    refetchInterval: from === 'draft' || to === 'draft' ? DRAFT_DIFF_REFRESH_MS : false,
  });
}
