import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { infoKeys } from '../../../lib/api/query-keys';

export type InfoComment = ApiSchema<'CommentResponseDto'>;

export function useInfoComments(infoId: string) {
  return useQuery({
    queryKey: infoKeys.comments(infoId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/infos/{id}/comments', { params: { path: { id: infoId } }, signal })),
  });
}

/** A new thread (`commentId` absent) or a reply to one. */
export function usePostInfoComment(infoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId?: string; body: string }) =>
      commentId
        ? unwrap(api.POST('/api/comments/{id}/replies', { params: { path: { id: commentId } }, body: { body } }))
        : unwrap(api.POST('/api/infos/{id}/comments', { params: { path: { id: infoId } }, body: { body } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: infoKeys.comments(infoId) }),
  });
}
