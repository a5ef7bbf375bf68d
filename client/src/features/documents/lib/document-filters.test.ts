import { filtersFromSearchParams, filtersToQuery, filtersToQueryString } from './document-filters';

describe('document list filters', () => {
  it('reads status, kind and search from the page address', () => {
    const filters = filtersFromSearchParams(new URLSearchParams('status=drafting&kind=memorandum&q=%20décret%20'));
    expect(filters).toEqual({ status: 'drafting', kind: 'memorandum', q: 'décret' });
  });

  it('ignores unknown statuses and kinds rather than sending them to the API', () => {
    expect(filtersFromSearchParams(new URLSearchParams('status=archived&kind=tweet&q='))).toEqual({});
  });

  it('builds the API query string with only the filters that are set', () => {
    expect(filtersToQueryString({})).toBe('');
    expect(filtersToQueryString({ q: '  ' })).toBe('');
    expect(filtersToQueryString({ kind: 'analyse', q: 'parcours d’intégration' })).toBe(
      '?kind=analyse&q=parcours+d%E2%80%99int%C3%A9gration',
    );
  });

  it('sends the API only the filters that are set, trimmed', () => {
    expect(filtersToQuery({ status: undefined, q: ' ministre ' })).toEqual({ q: 'ministre' });
  });

  it('round-trips through the address bar', () => {
    const filters = { status: 'adopted' as const, kind: 'courrier' as const, q: 'ministre' };
    expect(filtersFromSearchParams(new URLSearchParams(filtersToQueryString(filters)))).toEqual(filters);
  });
});
