import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function restoreVersion(documentId: string, number: number): Promise<unknown> {
  return apiRequest(`/documents/${encodeURIComponent(documentId)}/versions/${number}/restore`, { method: 'POST' });
}

export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => restoreVersion(documentId, number),
    // The body changes through /collab; the document, its diffs and its history change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'detail', documentId] }),
  });
}
