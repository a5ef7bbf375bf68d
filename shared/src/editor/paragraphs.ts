import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { docToMarkdown, markdownToDoc } from './markdown';

/** A top-level block of a version, as in the API's `paragraphs: [{ id, markdown }]`. */
export interface Paragraph {
  id: string;
  markdown: string;
}

/** SHA-256, hex, of the UTF-8 bytes of `markdown`: a version's `contentHash`. */
export function contentHash(markdown: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(markdown)));
}

/**
 * Splits a document into its top-level blocks (heading, paragraph, whole list, quote, table,
 * rule). Each block's Markdown is the canonical Markdown of that block alone, without the
 * final newline.
 *
 * Ids are `p-<index>-<first 8 hex of contentHash(block markdown)>`, index from 0. The index keeps
 * ids distinct when a block repeats; the hash makes an id name its text, so an objection's
 * paragraph anchor can be checked against a later version (same id = same position, same text).
 */
export function splitParagraphs(doc: ProseMirrorNode): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  doc.forEach((block) => {
    const markdown = docToMarkdown(doc.copy(Fragment.from(block))).replace(/\n$/, '');
    if (!markdown) return;
    const index = paragraphs.length;
    paragraphs.push({ id: `p-${index}-${contentHash(markdown).slice(0, 8)}`, markdown });
  });
  return paragraphs;
}

export function markdownParagraphs(markdown: string): Paragraph[] {
  return splitParagraphs(markdownToDoc(markdown));
}

/** A paragraph id's place in its version, from 1 ("p-5-e1eb19d4" → 6), or null for another id. */
export function paragraphNumber(id: string): number | null {
  const match = /^p-(\d+)-[0-9a-f]{8}$/.exec(id);
  return match ? Number(match[1]) + 1 : null;
}

/** "§ 2, § 6" for paragraph ids, in text order (ids of another form are shown as given). */
export function paragraphLabels(ids: readonly string[]): string {
  return [...ids]
    .map((id) => ({ id, number: paragraphNumber(id) }))
    .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity))
    .map(({ id, number }) => (number === null ? id : `§ ${number}`))
    .join(', ');
}
