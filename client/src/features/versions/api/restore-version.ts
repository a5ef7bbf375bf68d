import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export function restoreVersion(documentId: string, number: number) {
  return unwrap(
    api.POST('/api/documents/{id}/versions/{number}/restore', { params: { path: { id: documentId, number } } }),
  );
}

export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => restoreVersion(documentId, number),
    // The body changes through /collab; the document, its diffs and its history change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) }),
  });
}
