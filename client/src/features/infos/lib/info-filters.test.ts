import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams } from './info-filters';

describe('info filters', () => {
  it('reads a known topic, a trimmed search and the "à discuter" flag from the URL', () => {
    expect(filtersFromSearchParams(new URLSearchParams('theme=juridique&q=%20decret%20&a-discuter=1'))).toEqual({
      topic: 'juridique',
      q: 'decret',
      toDiscuss: true,
    });
  });

  it('ignores an unknown topic and empty values', () => {
    expect(filtersFromSearchParams(new URLSearchParams('theme=sport&q=%20&a-discuter=0'))).toEqual({});
  });

  it('writes back only what is set, in the URL and in the API query', () => {
    expect(filtersToSearchParams({ topic: 'ethique', q: '' }).toString()).toBe('theme=ethique');
    expect(filtersToQuery({ q: ' FLE ', toDiscuss: true })).toEqual({ q: 'FLE', toDiscuss: true });
    expect(filtersToQuery({})).toEqual({});
  });
});
