import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FederationDto, ListResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export function getFederations(): Promise<ListResponse<FederationDto>> {
  return apiRequest<ListResponse<FederationDto>>('/federations');
}

export const federationsQueryOptions = () =>
  queryOptions({
    queryKey: ['federations'],
    queryFn: getFederations,
    // The five federations and their mandates change rarely.
    staleTime: 5 * 60_000,
  });

export function useFederations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...federationsQueryOptions(), enabled });
}
