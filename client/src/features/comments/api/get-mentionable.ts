import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export type Mentionable = ApiSchema<'MentionableResponseDto'>;

export function getMentionable(documentId: string, signal?: AbortSignal): Promise<ApiSchema<'MentionableListResponseDto'>> {
  return unwrap(api.GET('/api/documents/{id}/mentionable', { params: { path: { id: documentId } }, signal }));
}

export const mentionableQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.mentionable(documentId),
    queryFn: ({ signal }) => getMentionable(documentId, signal),
    // Who may read a document changes rarely (an observer invited): a minute is fresh enough.
    staleTime: 60_000,
  });

/** Whom a comment on the document may name; fetched once the composer needs it. */
export function useMentionable(documentId: string, enabled: boolean) {
  return useQuery({ ...mentionableQueryOptions(documentId), enabled });
}
