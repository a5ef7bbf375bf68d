import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { publicSiteKeys } from '../../../lib/api/query-keys';

export type PublicPositionList = ApiSchema<'PublicPositionListResponseDto'>;
export type PublicPosition = ApiSchema<'PublicPositionResponseDto'>;
export type PublicInfo = ApiSchema<'PublicInfoResponseDto'>;

export const PUBLIC_FEED_URL = '/api/public/feed.atom';

export const publicPdfUrl = (slug: string) => `/api/public/positions/${encodeURIComponent(slug)}/pdf`;
export const publicAttachmentUrl = (id: string) => `/api/public/infos/${encodeURIComponent(id)}/attachment`;

export function getPublicPositions(signal?: AbortSignal): Promise<PublicPositionList> {
  return unwrap(api.GET('/api/public/positions', { signal }));
}

export function getPublicPosition(slug: string, signal?: AbortSignal): Promise<PublicPosition> {
  return unwrap(api.GET('/api/public/positions/{slug}', { params: { path: { slug } }, signal }));
}

export function getPublicInfos(signal?: AbortSignal): Promise<ApiSchema<'PublicInfoListResponseDto'>> {
  return unwrap(api.GET('/api/public/infos', { signal }));
}

export const publicPositionsQueryOptions = () => queryOptions({ queryKey: publicSiteKeys.positions(), queryFn: ({ signal }) => getPublicPositions(signal) });

export const publicPositionQueryOptions = (slug: string) =>
  queryOptions({ queryKey: publicSiteKeys.position(slug), queryFn: ({ signal }) => getPublicPosition(slug, signal), retry: false });

export const publicInfosQueryOptions = () => queryOptions({ queryKey: publicSiteKeys.infos(), queryFn: ({ signal }) => getPublicInfos(signal) });

export function usePublicPositions() {
  return useQuery(publicPositionsQueryOptions());
}

export function usePublicPosition(slug: string) {
  return useQuery(publicPositionQueryOptions(slug));
}

export function usePublicInfos() {
  return useQuery(publicInfosQueryOptions());
}
