import {
  DECISION_SEARCH_MAX_LENGTH,
  DOCUMENT_KINDS,
  FEDERATION_SLUGS,
  ROUND_OUTCOMES,
  type DecisionSearchQuery,
  type DocumentKind,
  type FederationSlug,
  type RoundOutcome,
} from '@coupole/shared';

/** The register's filters as the page keeps them in its URL: every value is a string, '' for "any". */
export interface DecisionFilters {
  q: string;
  kind: DocumentKind | '';
  outcome: RoundOutcome | '';
  federation: FederationSlug | '';
  from: string;
  to: string;
}

export const EMPTY_DECISION_FILTERS: DecisionFilters = { q: '', kind: '', outcome: '', federation: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';

/** Reads filters from the address bar; unknown values are dropped rather than sent and refused. */
export function filtersFromSearchParams(params: URLSearchParams): DecisionFilters {
  const date = (key: string) => {
    const value = params.get(key) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    q: (params.get('q') ?? '').slice(0, DECISION_SEARCH_MAX_LENGTH),
    kind: oneOf(DOCUMENT_KINDS, params.get('kind')),
    outcome: oneOf(ROUND_OUTCOMES, params.get('outcome')),
    federation: oneOf(FEDERATION_SLUGS, params.get('federation')),
    from: date('from'),
    to: date('to'),
  };
}

/** The API query: only the filters that are set, the search text trimmed. */
export function filtersToQuery(filters: DecisionFilters): DecisionSearchQuery {
  const query: DecisionSearchQuery = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.kind) query.kind = filters.kind;
  if (filters.outcome) query.outcome = filters.outcome;
  if (filters.federation) query.federation = filters.federation;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** The query string, in a fixed order so equal filters give equal URLs. */
export function decisionQueryString(query: DecisionSearchQuery): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'outcome', 'federation', 'from', 'to', 'limit', 'offset'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
