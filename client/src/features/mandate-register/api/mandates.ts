import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyDto, ListResponse, MandateDto, MandateSeat, UserRefDto } from '@coupole/shared';
import { api, unwrap } from '../../../lib/api/client';
import { bodyKeys, mandateKeys, meetingKeys } from '../../../lib/api/query-keys';

export interface MandateInput {
  bodyId: string;
  holderId: string;
  seat: MandateSeat;
  startDate: string;
  endDate?: string | null;
}

export function useMandates() {
  return useQuery({
    queryKey: mandateKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/mandates', { signal })) as Promise<ListResponse<MandateDto>>,
  });
}

export function useMandateBodies() {
  return useQuery({
    queryKey: bodyKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/bodies', { signal })) as Promise<ListResponse<BodyDto>>,
    staleTime: 5 * 60_000,
  });
}

export function useMandateHolders(enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/meetings/people', { signal })) as Promise<ListResponse<UserRefDto>>,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateMandate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MandateInput) => unwrap(api.POST('/api/mandates', { body: input })) as Promise<MandateDto>,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mandateKeys.all }),
  });
}
