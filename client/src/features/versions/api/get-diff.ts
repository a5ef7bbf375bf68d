import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DiffPart, ParagraphChange } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

/** A version number, or the moving draft. */
export type DiffSide = number | 'draft';

export interface DiffResponse {
  from: { version: DiffSide; contentHash: string };
  to: { version: DiffSide; contentHash: string };
  parts: DiffPart[];
  paragraphs: ParagraphChange[];
}

export function getDiff(documentId: string, from: DiffSide, to: DiffSide): Promise<DiffResponse> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return apiRequest<DiffResponse>(`/documents/${encodeURIComponent(documentId)}/diff?${query.toString()}`);
}

export const diffQueryOptions = (documentId: string, from: DiffSide, to: DiffSide) =>
  queryOptions({
    queryKey: ['documents', 'detail', documentId, 'diff', from, to],
    queryFn: () => getDiff(documentId, from, to),
    // The draft moves; two frozen versions never do.
    staleTime: to === 'draft' || from === 'draft' ? 0 : Infinity,
  });

export function useDiff(documentId: string, from: DiffSide | null, to: DiffSide | null) {
  return useQuery({
    ...diffQueryOptions(documentId, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
  });
}
