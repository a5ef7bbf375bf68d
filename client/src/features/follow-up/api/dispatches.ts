import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DispatchDto, DispatchStatus, ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export interface DispatchChange {
  status?: DispatchStatus;
  sentAt?: string | null;
  answeredAt?: string | null;
  answer?: string | null;
}

const dispatchesKey = ['dispatches'] as const;

export function useOpenDispatches() {
  return useQuery({ queryKey: [...dispatchesKey, 'open'] as const, queryFn: () => apiRequest<ListResponse<DispatchDto>>('/dispatches?open=true') });
}

/** Overdue dispatches (for the home page). */
export const overdueDispatchesQueryOptions = () =>
  queryOptions({ queryKey: [...dispatchesKey, 'overdue'] as const, queryFn: () => apiRequest<ListResponse<DispatchDto>>('/dispatches?overdue=true') });

export function useOverdueDispatches() {
  return useQuery(overdueDispatchesQueryOptions());
}

export function useDocumentDispatches(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...dispatchesKey, 'document', documentId] as const,
    queryFn: () => apiRequest<ListResponse<DispatchDto>>(`/documents/${documentId}/dispatches`),
    enabled,
  });
}

export function useCreateDispatch(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipient: string; overdueAfterDays?: number }) =>
      apiRequest<DispatchDto>(`/documents/${documentId}/dispatches`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchesKey }),
  });
}

export function useUpdateDispatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: DispatchChange & { id: string }) => apiRequest<DispatchDto>(`/dispatches/${id}`, { method: 'PATCH', body: change }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchesKey }),
  });
}
