import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FederationSlug, MandateSeat } from '@coupole/shared';
import { api, unwrap } from '../../../lib/api/client';
import { bodyKeys, mandateKeys, meetingKeys } from '../../../lib/api/query-keys';

export interface MandateInput {
  bodyId: string;
  holderId: string;
  /** Omitted: the holder's federation. */
  federation?: FederationSlug;
  seat: MandateSeat;
  startDate: string;
  endDate?: string | null;
}

export interface BodyInput {
  name: string;
  description?: string;
  website?: string | null;
}

export function useMandates() {
  return useQuery({
    queryKey: mandateKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/mandates', { signal })),
  });
}

export function useMandateBodies() {
  return useQuery({
    queryKey: bodyKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/bodies', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useMandateHolders(enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/meetings/people', { signal })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateMandate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MandateInput) => unwrap(api.POST('/api/mandates', { body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mandateKeys.all }),
  });
}

export function useUpdateMandate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<MandateInput>) => unwrap(api.PATCH('/api/mandates/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mandateKeys.all }),
  });
}

/** A body's name appears in mandates and meetings: after a change, they are read again too. */
function useBodyMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bodyKeys.all });
      void queryClient.invalidateQueries({ queryKey: mandateKeys.all });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });
}

export function useCreateBody() {
  return useBodyMutation((input: BodyInput) => unwrap(api.POST('/api/bodies', { body: input })));
}

export function useUpdateBody(id: string) {
  return useBodyMutation((input: BodyInput) => unwrap(api.PATCH('/api/bodies/{id}', { params: { path: { id } }, body: input })));
}

export function useDeleteBody(id: string) {
  return useBodyMutation(() => unwrap(api.DELETE('/api/bodies/{id}', { params: { path: { id } } })));
}
