import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys, publicationKeys, publicSiteKeys } from '../../../lib/api/query-keys';

export type PublicationState = ApiSchema<'PublicationStateResponseDto'>;

export function getPublication(documentId: string, signal?: AbortSignal): Promise<PublicationState> {
  return unwrap(api.GET('/api/documents/{id}/publication', { params: { path: { id: documentId } }, signal }));
}

export const publicationQueryOptions = (documentId: string) =>
  queryOptions({ queryKey: publicationKeys.state(documentId), queryFn: ({ signal }) => getPublication(documentId, signal) });

export function usePublication(documentId: string) {
  return useQuery(publicationQueryOptions(documentId));
}

/** Publishes (`publish`) or withdraws (`unpublish`) the adopted text; secretariat only. */
export function useSetPublished(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'unpublish') =>
      unwrap(
        action === 'publish'
          ? api.POST('/api/documents/{id}/publish', { params: { path: { id: documentId } } })
          : api.POST('/api/documents/{id}/unpublish', { params: { path: { id: documentId } } }),
      ),
    onSuccess: (state) => {
      queryClient.setQueryData(publicationKeys.state(documentId), state);
      void queryClient.invalidateQueries({ queryKey: documentKeys.timeline(documentId) });
      return queryClient.invalidateQueries({ queryKey: publicSiteKeys.all });
    },
  });
}
