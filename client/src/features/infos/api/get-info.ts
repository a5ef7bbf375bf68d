import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { infoKeys } from '../../../lib/api/query-keys';
import type { Info } from './get-infos';

export function getInfo(id: string, signal?: AbortSignal): Promise<Info> {
  return unwrap(api.GET('/api/infos/{id}', { params: { path: { id } }, signal }));
}

export const infoQueryOptions = (id: string) => queryOptions({ queryKey: infoKeys.detail(id), queryFn: ({ signal }) => getInfo(id, signal) });

export function useInfo(id: string) {
  return useQuery(infoQueryOptions(id));
}
