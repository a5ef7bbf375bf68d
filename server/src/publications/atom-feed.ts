import { DOCUMENT_KIND_LABELS, PUBLIC_SITE_AUTHOR, type DocumentKind } from '@coupole/shared';
import { frenchDate } from '../exports/export-content';

// Atom 1.0 (RFC 4287). Every user text goes through xmlText: nothing in a title or a body
// becomes markup in a feed reader. Ids are tag URIs (RFC 4151), stable whatever host serves them.

const ID_AUTHORITY = 'tag:lacoupole.be,2024';

export interface FeedPosition {
  documentId: string;
  slug: string;
  title: string;
  kind: DocumentKind;
  adoptedAt: Date;
  publishedAt: Date;
  updatedAt: Date;
  contentHash: string | null;
  markdown: string | null;
}

export interface FeedInfo {
  id: string;
  title: string;
  body: string;
  sourceUrl: string | null;
  publishedAt: Date;
  updatedAt: Date;
}

export interface FeedInput {
  /** Origin the links point to, without a trailing slash ("https://coupole.example"). */
  baseUrl: string;
  positions: FeedPosition[];
  infos: FeedInfo[];
  register: { length: number; head: string };
}

/** Escapes the five XML specials and drops the characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}


function entry(fields: { id: string; title: string; updated: Date; published: Date; link: string; summary: string; content: string | null; category: string }): string {
  return [
    '  <entry>',
    `    <id>${xmlText(fields.id)}</id>`,
    `    <title type="text">${xmlText(fields.title)}</title>`,
    `    <updated>${fields.updated.toISOString()}</updated>`,
    `    <published>${fields.published.toISOString()}</published>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(fields.link)}"/>`,
    `    <category term="${xmlText(fields.category)}"/>`,
    `    <summary type="text">${xmlText(fields.summary)}</summary>`,
    ...(fields.content === null ? [] : [`    <content type="text">${xmlText(fields.content)}</content>`]),
    '  </entry>',
  ].join('\n');
}

/** The public site's feed: published positions and public infos, newest first. */
export function atomFeed(input: FeedInput): string {
  const base = input.baseUrl.replace(/\/+$/, '');
  const entries = [
    ...input.positions.map((position) => ({
      updated: position.updatedAt,
      xml: entry({
        id: `${ID_AUTHORITY}:position:${position.documentId}`,
        title: position.title,
        updated: position.updatedAt,
        published: position.publishedAt,
        link: `${base}/public/${encodeURIComponent(position.slug)}`,
        category: 'position',
        summary: `${DOCUMENT_KIND_LABELS[position.kind]} — position adoptée au consensus par ${PUBLIC_SITE_AUTHOR} le ${frenchDate(position.adoptedAt)}${
          position.contentHash ? ` — empreinte SHA-256 ${position.contentHash}` : ''
        }.`,
        content: position.markdown,
      }),
    })),
    ...input.infos.map((info) => ({
      updated: info.updatedAt,
      xml: entry({
        id: `${ID_AUTHORITY}:info:${info.id}`,
        title: info.title,
        updated: info.updatedAt,
        published: info.publishedAt,
        link: `${base}/public#info-${info.id}`,
        category: 'info',
        summary: info.body.length > 280 ? `${info.body.slice(0, 279)}…` : info.body,
        content: info.sourceUrl ? `${info.body}\n\nSource : ${info.sourceUrl}` : info.body,
      }),
    })),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  // An empty feed still needs an `updated`: the epoch, stable, so its ETag does not move.
  const updated = entries[0]?.updated ?? new Date(0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  <id>${ID_AUTHORITY}:feed</id>`,
    `  <title type="text">${xmlText(`${PUBLIC_SITE_AUTHOR} — positions et informations publiques`)}</title>`,
    `  <subtitle type="text">${xmlText(
      `Positions adoptées au consensus par les fédérations des ILI de Wallonie. Registre des décisions : ${input.register.length} décisions, tête ${input.register.head}.`,
    )}</subtitle>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${base}/api/public/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${base}/public`)}"/>`,
    `  <author><name>${xmlText(PUBLIC_SITE_AUTHOR)}</name></author>`,
    `  <generator>Coupole</generator>`,
    ...entries.map((item) => item.xml),
    '</feed>',
    '',
  ].join('\n');
}
