import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VersionDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { versionsQueryKey } from './get-versions';

export function createVersion(documentId: string, label: string): Promise<VersionDto> {
  const body = label.trim() ? { label: label.trim() } : {};
  return apiRequest<VersionDto>(`/documents/${encodeURIComponent(documentId)}/versions`, { method: 'POST', body });
}

export function useCreateVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => createVersion(documentId, label),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionsQueryKey(documentId) }),
  });
}
