import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys } from '../../../lib/api/query-keys';
import type { DocumentDetail } from '../../../lib/api/document';

export type CreateDocumentInput = ApiSchema<'CreateDocumentDto'>;

export function createDocument(input: CreateDocumentInput): Promise<DocumentDetail> {
  return unwrap(api.POST('/api/documents', { body: input }));
}

export interface ImportDocumentInput {
  file: File;
  title?: string;
  kind: CreateDocumentInput['kind'];
}

/** `.docx` upload, as multipart. */
export function importDocument({ file, title, kind }: ImportDocumentInput): Promise<DocumentDetail> {
  return unwrap(
    api.POST('/api/documents/import', {
      body: { file, kind, title },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append('file', body.file);
        form.append('kind', body.kind);
        if (body.title) form.append('title', body.title);
        return form;
      },
    }),
  );
}

export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDocumentInput | ImportDocumentInput) =>
      'file' in input ? importDocument(input) : createDocument(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.lists() }),
  });
}
