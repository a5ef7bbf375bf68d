import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { iliKeys } from '../../../lib/api/query-keys';

export type Ili = ApiSchema<'IliResponseDto'>;
export type IliLandscape = ApiSchema<'IliLandscapeResponseDto'>;

export interface IliFilters {
  q?: string;
  affiliation?: Ili['affiliation'];
  federation?: NonNullable<Ili['federation']>;
  province?: Ili['province'];
}

export const ILI_PAGE_SIZE = 50;

export function getIlis(filters: IliFilters & { offset?: number }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/ilis', { params: { query: { ...filters, limit: ILI_PAGE_SIZE } }, signal }));
}

export const ilisQueryOptions = (filters: IliFilters & { offset?: number }) =>
  queryOptions({
    queryKey: iliKeys.list(filters),
    queryFn: ({ signal }) => getIlis(filters, signal),
    placeholderData: keepPreviousData,
  });

export function useIlis(filters: IliFilters & { offset?: number }) {
  return useQuery(ilisQueryOptions(filters));
}

export function getLandscape(signal?: AbortSignal) {
  return unwrap(api.GET('/api/ilis/landscape', { signal }));
}

export function useLandscape() {
  return useQuery({ queryKey: iliKeys.landscape(), queryFn: ({ signal }) => getLandscape(signal) });
}

/** The export is a download: a link to the API with the same filters. */
export function exportUrl(filters: IliFilters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return `/api/ilis/export?${params.toString()}`;
}
