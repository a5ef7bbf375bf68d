import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { infoKeys } from '../../../lib/api/query-keys';
import { filtersToQuery, type InfoFilters } from '../lib/info-filters';

export type Info = ApiSchema<'InfoResponseDto'>;
export type InfoList = ApiSchema<'InfoListResponseDto'>;

export function getInfos(filters: InfoFilters, signal?: AbortSignal): Promise<InfoList> {
  return unwrap(api.GET('/api/infos', { params: { query: filtersToQuery(filters) }, signal }));
}

export const infosQueryOptions = (filters: InfoFilters) =>
  queryOptions({
    queryKey: infoKeys.list(filters),
    queryFn: ({ signal }) => getInfos(filters, signal),
    placeholderData: keepPreviousData,
  });

export function useInfos(filters: InfoFilters) {
  return useQuery(infosQueryOptions(filters));
}

/** The infos flagged "à discuter", newest first: for the home page. */
export function useInfosToDiscuss() {
  return useQuery(infosQueryOptions({ toDiscuss: true }));
}
