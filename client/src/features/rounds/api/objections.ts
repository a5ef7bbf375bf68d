import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys, roundKeys } from '../../../lib/api/query-keys';

export function withdrawObjection(roundId: string, objectionId: string) {
  return unwrap(
    api.POST('/api/rounds/{id}/objections/{objectionId}/withdraw', { params: { path: { id: roundId, objectionId } } }),
  );
}

export function applyAmendment(objectionId: string) {
  return unwrap(api.POST('/api/objections/{id}/apply-amendment', { params: { path: { id: objectionId } } }));
}

export function useWithdrawObjection(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (objectionId: string) => withdrawObjection(roundId, objectionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) }),
  });
}

export function useApplyAmendment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyAmendment,
    // The draft changes through the collaborative editor; the document's metadata and timeline follow.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) }),
  });
}
