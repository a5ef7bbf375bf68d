import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DispatchStatus } from '@coupole/shared';
import { api, unwrap } from '../../../lib/api/client';
import { dispatchKeys } from '../../../lib/api/query-keys';

export interface DispatchChange {
  status?: DispatchStatus;
  sentAt?: string | null;
  answeredAt?: string | null;
  answer?: string | null;
}

export function useOpenDispatches() {
  return useQuery({
    queryKey: dispatchKeys.open(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/dispatches', { params: { query: { open: true } }, signal })),
  });
}

/** Overdue dispatches (for the home page). */
export const overdueDispatchesQueryOptions = () =>
  queryOptions({
    queryKey: dispatchKeys.overdue(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/dispatches', { params: { query: { overdue: true } }, signal })),
  });

export function useOverdueDispatches() {
  return useQuery(overdueDispatchesQueryOptions());
}

export function useDocumentDispatches(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: dispatchKeys.ofDocument(documentId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/documents/{id}/dispatches', { params: { path: { id: documentId } }, signal })),
    enabled,
  });
}

export function useCreateDispatch(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipient: string; overdueAfterDays: number }) =>
      unwrap(api.POST('/api/documents/{id}/dispatches', { params: { path: { id: documentId } }, body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

export function useUpdateDispatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: DispatchChange & { id: string }) =>
      unwrap(api.PATCH('/api/dispatches/{id}', { params: { path: { id } }, body: change })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

/** Attaches (or replaces) the PDF of the answer received, or removes it (`file: null`). */
export function useAnswerFile(dispatchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) =>
      (file
        ? unwrap(
            api.POST('/api/dispatches/{id}/answer-file', {
              params: { path: { id: dispatchId } },
              body: { file },
              bodySerializer: () => {
                const form = new FormData();
                form.append('file', file);
                return form;
              },
            }),
          )
        : unwrap(api.DELETE('/api/dispatches/{id}/answer-file', { params: { path: { id: dispatchId } } }))),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}
