import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetailDto, UpdateDocumentRequest } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { documentQueryKey } from './get-document';

export function updateDocument(id: string, input: UpdateDocumentRequest): Promise<DocumentDetailDto> {
  return apiRequest<DocumentDetailDto>(`/documents/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDocumentRequest) => updateDocument(id, input),
    onSuccess: (document) => {
      queryClient.setQueryData(documentQueryKey(id), document);
      void queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
    },
  });
}
