import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from './client';
import { federationKeys } from './query-keys';

export type Federation = ApiSchema<'FederationResponseDto'>;
export type FederationMember = ApiSchema<'FederationMemberResponseDto'>;

export function getFederations(signal?: AbortSignal) {
  return unwrap(api.GET('/api/federations', { signal }));
}

export const federationsQueryOptions = () =>
  queryOptions({
    queryKey: federationKeys.all,
    queryFn: ({ signal }) => getFederations(signal),
    // The five federations and their mandates change rarely.
    staleTime: 5 * 60_000,
  });

export function useFederations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...federationsQueryOptions(), enabled });
}
