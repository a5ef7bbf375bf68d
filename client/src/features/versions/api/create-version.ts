import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';

export function createVersion(documentId: string, label: string) {
  const body = label.trim() ? { label: label.trim() } : {};
  return unwrap(api.POST('/api/documents/{id}/versions', { params: { path: { id: documentId } }, body }));
}

export function useCreateVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => createVersion(documentId, label),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.versions(documentId) }),
  });
}
