import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import type { DocumentDetail } from '../../../lib/api/document';

export type DocumentChanges = ApiSchema<'UpdateDocumentDto'>;

export function updateDocument(id: string, input: DocumentChanges): Promise<DocumentDetail> {
  return unwrap(api.PATCH('/api/documents/{id}', { params: { path: { id } }, body: input }));
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentChanges) => updateDocument(id, input),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.detail(id), document);
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
    },
  });
}
