import { atomFeed, xmlText } from './atom-feed';
import { matchesIfNoneMatch, strongEtag } from './http-cache';
import { withPageMeta } from './open-graph';

describe('public site text', () => {
  it('escapes XML specials and drops the control characters XML 1.0 forbids', () => {
    expect(xmlText('a < b & "c" \'d\' > e\u0001\u0008\uFFFF')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
    expect(xmlText('émoji 🎉\ttab\nline')).toBe('émoji 🎉\ttab\nline');
  });

  it('gives an empty feed a stable updated date and its self link', () => {
    const xml = atomFeed({ baseUrl: 'https://coupole.example/', positions: [], infos: [], register: { length: 0, head: '0'.repeat(64) } });
    expect(xml).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://coupole.example/api/public/feed.atom"/>');
  });

  it('matches If-None-Match by weak comparison, in a list, and *', () => {
    const etag = strongEtag(Buffer.from('x'));
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"a", W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"a"', etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });

  it('writes the page meta once, escaped, with a title that looks like a replacement pattern kept as text', () => {
    const html = '<html><head>\n    <meta name="description" content="Coupole" />\n    <title>Coupole</title>\n  </head></html>';
    const out = withPageMeta(html, { title: '$& "x" <y>', description: 'd', url: null, type: 'article' });
    expect(out).toContain('<title>$&amp; &quot;x&quot; &lt;y&gt; — La Coupole</title>');
    expect(out).toContain('<meta property="og:title" content="$&amp; &quot;x&quot; &lt;y&gt;">');
    expect(out.match(/name="description"/g)).toHaveLength(1);
    expect(out).not.toContain('og:url');
  });
});
