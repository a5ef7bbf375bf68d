import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { homeKeys } from '../../../lib/api/query-keys';

export type Home = ApiSchema<'HomeResponseDto'>;

export function getHome(signal?: AbortSignal): Promise<Home> {
  return unwrap(api.GET('/api/home', { signal }));
}

export const homeQueryOptions = () => queryOptions({ queryKey: homeKeys.all, queryFn: ({ signal }) => getHome(signal) });

export function useHome() {
  return useQuery(homeQueryOptions());
}
