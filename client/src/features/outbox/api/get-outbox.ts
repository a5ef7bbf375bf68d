import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { outboxKeys } from '../../../lib/api/query-keys';

export type OutboxMail = ApiSchema<'OutboxMailResponseDto'>;

export const OUTBOX_PAGE_SIZE = 20;

export function getOutbox(offset: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/admin/outbox', { params: { query: { limit: OUTBOX_PAGE_SIZE, offset } }, signal }));
}

export const outboxQueryOptions = (offset: number) =>
  queryOptions({
    queryKey: outboxKeys.page(offset),
    queryFn: ({ signal }) => getOutbox(offset, signal),
    // The page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useOutbox(offset: number) {
  return useQuery(outboxQueryOptions(offset));
}
