import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { infoKeys } from '../../../lib/api/query-keys';
import { filtersToQuery, type InfoFilters } from '../lib/info-filters';

export type Info = ApiSchema<'InfoResponseDto'>;
export type InfoList = ApiSchema<'InfoListResponseDto'>;

export function getInfos(filters: InfoFilters, signal?: AbortSignal): Promise<InfoList> {
  return unwrap(api.GET('/api/infos', { params: { query: filtersToQuery(filters) }, signal }));
}

const infosQuery = defineQuery({ key: infoKeys.list, fetch: getInfos, keepPrevious: true });
export const infosQueryOptions = infosQuery.options;
export const useInfos = infosQuery.use;

/** The infos flagged "à discuter", newest first: for the home page. */
export function useInfosToDiscuss() {
  return useInfos({ toDiscuss: true });
}
