import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { outboxKeys } from '../../../lib/api/query-keys';

export type OutboxMail = ApiSchema<'OutboxMailResponseDto'>;

export const OUTBOX_PAGE_SIZE = 20;

export function getOutbox(offset: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/admin/outbox', { params: { query: { limit: OUTBOX_PAGE_SIZE, offset } }, signal }));
}

// The page stays on screen while the next one loads.
const outboxQuery = defineQuery({ key: outboxKeys.page, fetch: getOutbox, keepPrevious: true });
export const outboxQueryOptions = outboxQuery.options;
export const useOutbox = outboxQuery.use;
