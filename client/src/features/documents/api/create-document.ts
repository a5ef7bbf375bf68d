import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDocumentRequest, DocumentDetailDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function createDocument(input: CreateDocumentRequest): Promise<DocumentDetailDto> {
  return apiRequest<DocumentDetailDto>('/documents', { method: 'POST', body: input });
}

export interface ImportDocumentInput {
  file: File;
  title?: string;
  kind: CreateDocumentRequest['kind'];
}

/** `.docx` upload, as multipart. */
export function importDocument({ file, title, kind }: ImportDocumentInput): Promise<DocumentDetailDto> {
  const form = new FormData();
  form.append('file', file);
  form.append('kind', kind);
  if (title) form.append('title', title);
  return apiRequest<DocumentDetailDto>('/documents/import', { method: 'POST', body: form });
}

export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDocumentRequest | ImportDocumentInput) =>
      'file' in input ? importDocument(input) : createDocument(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'list'] }),
  });
}
