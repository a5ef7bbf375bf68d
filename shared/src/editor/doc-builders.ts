import { markdownToJSON, type ProseMirrorJSON } from './markdown';

/**
 * ProseMirror JSON in the shared schema, built in code: generated documents (the decision annex,
 * public pages) whose user-written parts stay data. A string given here is text, never Markdown —
 * "## Décision annulée" in a reason is printed as those characters, not as a heading.
 */
export const pm = {
  doc: (...content: ProseMirrorJSON[]): ProseMirrorJSON => ({ type: 'doc', content }),
  heading: (level: number, text: string): ProseMirrorJSON => ({ type: 'heading', attrs: { level }, content: textRuns(text) }),
  /** A paragraph of text runs; a string's line breaks become hard breaks. */
  paragraph: (...parts: (string | ProseMirrorJSON)[]): ProseMirrorJSON => ({
    type: 'paragraph',
    content: parts.flatMap((part) => (typeof part === 'string' ? textRuns(part) : [part])),
  }),
  bold: (text: string): ProseMirrorJSON => ({ type: 'text', text, marks: [{ type: 'bold' }] }),
  italic: (text: string): ProseMirrorJSON => ({ type: 'text', text, marks: [{ type: 'italic' }] }),
  bulletList: (items: ProseMirrorJSON[][]): ProseMirrorJSON => ({
    type: 'bulletList',
    content: items.map((blocks) => ({ type: 'listItem', content: blocks })),
  }),
  quote: (...blocks: ProseMirrorJSON[]): ProseMirrorJSON => ({ type: 'blockquote', content: blocks }),
};

function textRuns(text: string): ProseMirrorJSON[] {
  return text.split(/\r?\n/).flatMap((line, index) => [
    ...(index > 0 ? [{ type: 'hardBreak' }] : []),
    ...(line ? [{ type: 'text', text: line }] : []),
  ]);
}

/** Plain text as quoted paragraphs (blank lines separate them): a person's words, shown as data. */
export function quotedText(text: string): ProseMirrorJSON {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  return pm.quote(...(paragraphs.length ? paragraphs.map((part) => pm.paragraph(part)) : [pm.paragraph('')]));
}

const QUOTABLE_BLOCKS = new Set(['paragraph', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'table', 'tableRow', 'tableHeader', 'tableCell']);

/**
 * A person's Markdown (an amendment: paragraphs, lists, emphasis) inside a quote. Its blocks keep
 * their shape, so a proposed list stays a list, but it can never step out of the quote: headings
 * and rules become plain paragraphs and no raw HTML survives (the shared parser has none).
 */
export function quotedMarkdown(markdown: string): ProseMirrorJSON {
  const blocks = (markdownToJSON(markdown).content ?? []).map(tame);
  return pm.quote(...(blocks.length ? blocks : [pm.paragraph('')]));
}

function tame(node: ProseMirrorJSON): ProseMirrorJSON {
  if (node.type === 'text' || node.type === 'hardBreak') return node;
  if (!QUOTABLE_BLOCKS.has(node.type)) return { type: 'paragraph', content: node.content?.filter((child) => child.type === 'text' || child.type === 'hardBreak') };
  return { ...node, content: node.content?.map(tame) };
}
