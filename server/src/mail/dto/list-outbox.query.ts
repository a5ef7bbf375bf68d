import { PagingQuery } from '../../common/paging-query';

/** The default page is the largest: callers that read the newest mails (tests, scripts) get them all. */
export const OUTBOX_PAGE_SIZE = 200;
const OUTBOX_MAX_PAGE_SIZE = 200;

export class ListOutboxQueryDto extends PagingQuery({ size: OUTBOX_PAGE_SIZE, max: OUTBOX_MAX_PAGE_SIZE }) {}
