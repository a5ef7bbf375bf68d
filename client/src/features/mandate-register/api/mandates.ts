import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyDto, ListResponse, MandateDto, MandateSeat, UserRefDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export interface MandateInput {
  bodyId: string;
  holderId: string;
  seat: MandateSeat;
  startDate: string;
  endDate?: string | null;
}

export function useMandates() {
  return useQuery({ queryKey: ['mandates'] as const, queryFn: () => apiRequest<ListResponse<MandateDto>>('/mandates') });
}

export function useMandateBodies() {
  return useQuery({ queryKey: ['bodies'] as const, queryFn: () => apiRequest<ListResponse<BodyDto>>('/bodies'), staleTime: 5 * 60_000 });
}

export function useMandateHolders(enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'people'] as const,
    queryFn: () => apiRequest<ListResponse<UserRefDto>>('/meetings/people'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateMandate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MandateInput) => apiRequest<MandateDto>('/mandates', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['mandates'] }),
  });
}
