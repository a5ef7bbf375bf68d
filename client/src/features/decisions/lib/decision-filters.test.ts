import { EMPTY_DECISION_FILTERS, decisionQueryString, filtersFromSearchParams, filtersToQuery } from './decision-filters';

describe('filtersFromSearchParams', () => {
  it('reads every known filter', () => {
    const params = new URLSearchParams('q=réserves&kind=memorandum&outcome=blocked&federation=fdss&from=2026-01-01&to=2026-03-31');
    expect(filtersFromSearchParams(params)).toEqual({
      q: 'réserves',
      kind: 'memorandum',
      outcome: 'blocked',
      federation: 'fdss',
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('drops values the API would refuse', () => {
    const params = new URLSearchParams('kind=roman&outcome=maybe&federation=cri&from=hier&to=2026-3-1');
    expect(filtersFromSearchParams(params)).toEqual(EMPTY_DECISION_FILTERS);
  });
});

describe('filtersToQuery and decisionQueryString', () => {
  it('sends only the filters that are set, search text trimmed', () => {
    const query = filtersToQuery({ ...EMPTY_DECISION_FILTERS, q: '  parcours  ', outcome: 'adopted' });
    expect(query).toEqual({ q: 'parcours', outcome: 'adopted' });
    expect(decisionQueryString(query)).toBe('q=parcours&outcome=adopted');
  });

  it('gives an empty query string without filters', () => {
    expect(decisionQueryString(filtersToQuery(EMPTY_DECISION_FILTERS))).toBe('');
  });
});
