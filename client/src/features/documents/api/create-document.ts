import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDocumentRequest, DocumentDetailDto } from '@coupole/shared';
import { apiRequest, NETWORK_ERROR_STATUS, ApiError, toApiError } from '../../../lib/api-client';

export function createDocument(input: CreateDocumentRequest): Promise<DocumentDetailDto> {
  return apiRequest<DocumentDetailDto>('/documents', { method: 'POST', body: input });
}

export interface ImportDocumentInput {
  file: File;
  title?: string;
  kind: CreateDocumentRequest['kind'];
}

/** `.docx` upload: multipart, so it cannot go through the JSON helper. */
export async function importDocument({ file, title, kind }: ImportDocumentInput): Promise<DocumentDetailDto> {
  const form = new FormData();
  form.append('file', file);
  form.append('kind', kind);
  if (title) form.append('title', title);
  let response: Response;
  try {
    response = await fetch('/api/documents/import', { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw new ApiError(NETWORK_ERROR_STATUS, []);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as DocumentDetailDto;
}

export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDocumentRequest | ImportDocumentInput) =>
      'file' in input ? importDocument(input) : createDocument(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'list'] }),
  });
}
