import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus } from '@coupole/shared';

export interface DocumentFilters {
  status?: DocumentStatus;
  kind?: DocumentKind;
  /** Full-text search, sent as `q`. */
  q?: string;
  /** Only the archived documents (left out otherwise). */
  archived?: 'true';
}

/** Reads the filters from the page URL, dropping values the API would refuse. */
export function filtersFromSearchParams(params: URLSearchParams): DocumentFilters {
  const filters: DocumentFilters = {};
  const status = params.get('status');
  const kind = params.get('kind');
  const q = params.get('q')?.trim();
  if (status && (DOCUMENT_STATUSES as readonly string[]).includes(status)) filters.status = status as DocumentStatus;
  if (kind && (DOCUMENT_KINDS as readonly string[]).includes(kind)) filters.kind = kind as DocumentKind;
  if (q) filters.q = q;
  if (params.get('archived') === 'true') filters.archived = 'true';
  return filters;
}

/** The filters that are set, trimmed, in a stable order: the API query and the page address. */
export function filtersToQuery(filters: DocumentFilters): DocumentFilters {
  const query: DocumentFilters = {};
  if (filters.status) query.status = filters.status;
  if (filters.kind) query.kind = filters.kind;
  const q = filters.q?.trim();
  if (q) query.q = q;
  if (filters.archived === 'true') query.archived = 'true';
  return query;
}

/** `?status=…&kind=…&q=…` with only the filters that are set; '' when none. */
export function filtersToQueryString(filters: DocumentFilters): string {
  const query = new URLSearchParams(Object.entries(filtersToQuery(filters))).toString();
  return query ? `?${query}` : '';
}
