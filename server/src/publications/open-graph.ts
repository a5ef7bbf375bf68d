/** The meta tags a shared link's preview is built from (Open Graph, and Twitter's card). */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute when PUBLIC_URL is set; otherwise left out (og:url must be absolute). */
  url: string | null;
  type: 'website' | 'article';
}

export const SITE_NAME = 'La Coupole';

/** Escapes text for a double-quoted HTML attribute or element content. */
export function htmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * index.html with the page's title and meta tags, for crawlers that do not run JavaScript.
 * Every value is escaped: a title cannot close the attribute or open a tag.
 */
export function withPageMeta(html: string, meta: PageMeta): string {
  const tags = [
    ['og:site_name', SITE_NAME],
    ['og:type', meta.type],
    ['og:title', meta.title],
    ['og:description', meta.description],
    ['og:locale', 'fr_BE'],
    ...(meta.url ? [['og:url', meta.url]] : []),
  ]
    .map(([property, content]) => `<meta property="${property}" content="${htmlText(content)}">`)
    .concat(
      `<meta name="description" content="${htmlText(meta.description)}">`,
      '<meta name="twitter:card" content="summary">',
      `<link rel="alternate" type="application/atom+xml" title="${htmlText(`${SITE_NAME} — positions et informations`)}" href="/api/public/feed.atom">`,
      `<meta name="twitter:title" content="${htmlText(meta.title)}">`,
      `<meta name="twitter:description" content="${htmlText(meta.description)}">`,
    )
    .join('\n    ');
  const described = html.replace(/[ \t]*<meta name="description"[^>]*>\n?/, '');
  const titled = /<title>[^<]*<\/title>/.test(html)
    ? described.replace(/<title>[^<]*<\/title>/, () => `<title>${htmlText(meta.title)} — ${SITE_NAME}</title>`)
    : described;
  // A function replacer: a `$&` in a title is text, not a back-reference.
  return titled.replace('</head>', () => `    ${tags}\n  </head>`);
}
