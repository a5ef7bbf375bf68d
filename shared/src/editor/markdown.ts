/// <reference path="../types/markdown-it-ins.d.ts" />
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import MarkdownIt from 'markdown-it';
import markdownItIns from 'markdown-it-ins';
import { MarkdownParser, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { editorSchema, HEADING_LEVELS, isSafeLinkHref } from './extensions';

/** ProseMirror JSON as TipTap's `editor.getJSON()` returns it. */
export interface ProseMirrorJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

type CellAlign = 'left' | 'center' | 'right' | null;
type NodeSerializers = ConstructorParameters<typeof MarkdownSerializer>[0];
type MarkSerializers = ConstructorParameters<typeof MarkdownSerializer>[1];

// ---------------------------------------------------------------------------
// Markdown → ProseMirror

// CommonMark plus GFM tables and ~~strikethrough~~, and ++underline++ (markdown-it-ins: Markdown
// has no underline; Word users expect one), restricted to what the schema holds: no raw HTML,
// no code, no images. Disabled constructs are read as plain text, so nothing is silently dropped.
const tokenizer = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
  .enable(['table', 'strikethrough'])
  .disable(['code', 'fence', 'backticks', 'image', 'html_block', 'html_inline'])
  .use(markdownItIns);

// Links with a refused protocol stay literal text instead of becoming dead links.
const defaultValidateLink = tokenizer.validateLink.bind(tokenizer);
tokenizer.validateLink = (url: string) => defaultValidateLink(url) && isSafeLinkHref(url);

// Table cells hold blocks in the schema but inline tokens in markdown-it: wrap them in paragraphs.
tokenizer.core.ruler.push('coupole_table_cell_paragraphs', (state) => {
  const tokens: typeof state.tokens = [];
  state.tokens.forEach((token, index) => {
    const previous = state.tokens[index - 1];
    const inCell = token.type === 'inline' && (previous?.type === 'th_open' || previous?.type === 'td_open');
    if (!inCell) {
      tokens.push(token);
      return;
    }
    const open = new state.Token('paragraph_open', 'p', 1);
    const close = new state.Token('paragraph_close', 'p', -1);
    open.block = close.block = true;
    tokens.push(open, token, close);
  });
  state.tokens = tokens;
});

function cellAlign(token: { attrGet(name: string): string | null }): { align: CellAlign } {
  const match = /text-align:\s*(left|center|right)/.exec(token.attrGet('style') ?? '');
  return { align: (match?.[1] as CellAlign) ?? null };
}

const maxHeadingLevel = HEADING_LEVELS[HEADING_LEVELS.length - 1];

const parser = new MarkdownParser(editorSchema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'listItem' },
  bullet_list: { block: 'bulletList' },
  ordered_list: {
    block: 'orderedList',
    getAttrs: (token) => ({ start: Number(token.attrGet('start') ?? 1) }),
  },
  heading: {
    block: 'heading',
    getAttrs: (token) => ({ level: Math.min(Number(token.tag.slice(1)), maxHeadingLevel) }),
  },
  hr: { node: 'horizontalRule' },
  hardbreak: { node: 'hardBreak' },
  em: { mark: 'italic' },
  strong: { mark: 'bold' },
  s: { mark: 'strike' },
  ins: { mark: 'underline' },
  link: {
    mark: 'link',
    getAttrs: (token) => ({ href: token.attrGet('href'), title: token.attrGet('title') || null }),
  },
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'tableRow' },
  th: { block: 'tableHeader', getAttrs: cellAlign },
  td: { block: 'tableCell', getAttrs: cellAlign },
});

export function markdownToDoc(markdown: string): ProseMirrorNode {
  return parser.parse(markdown);
}

export function markdownToJSON(markdown: string): ProseMirrorJSON {
  return markdownToDoc(markdown).toJSON() as ProseMirrorJSON;
}

// ---------------------------------------------------------------------------
// ProseMirror → canonical Markdown

const START_OF_LINE_EXTRA = [
  // "1) " starts an ordered list; prosemirror-markdown only guards "1. ".
  [/^(\d{1,9})\)(\s|$)/, '$1\\)$2'],
  // A line of "=" under a paragraph line would make it a setext heading.
  [/^(=+\s*)$/, '\\$1'],
] as const;

function startsLine(parent: ProseMirrorNode, index: number): boolean {
  return index > 0 && parent.child(index - 1).type.name === 'hardBreak';
}

const blockNodes: NodeSerializers = {
  doc(state, node) {
    state.renderContent(node);
  },
  paragraph(state, node) {
    state.renderInline(node);
    state.closeBlock(node);
  },
  heading(state, node) {
    state.write(`${'#'.repeat(node.attrs.level as number)} `);
    state.renderInline(node, false);
    state.closeBlock(node);
  },
  blockquote(state, node) {
    state.wrapBlock('> ', null, node, () => state.renderContent(node));
  },
  horizontalRule(state, node) {
    state.write('---');
    state.closeBlock(node);
  },
  bulletList(state, node, parent, index) {
    // Two adjacent lists would merge when read back; a different marker keeps them apart.
    const marker = adjacentToSameType(node, parent, index) ? '*' : '-';
    state.renderList(node, '  ', () => `${marker} `);
  },
  orderedList(state, node, parent, index) {
    const delimiter = adjacentToSameType(node, parent, index) ? ')' : '.';
    const start = (node.attrs.start as number | null) ?? 1;
    const width = String(start + node.childCount - 1).length;
    state.renderList(node, ' '.repeat(width + 2), (i) => `${start + i}${delimiter} `);
  },
  listItem(state, node) {
    state.renderContent(node);
  },
  hardBreak(state, node, parent) {
    // ATX headings are one line: a break inside one becomes a space.
    state.write(parent.type.name === 'heading' ? ' ' : '\\\n');
  },
  text(state, node, parent, index) {
    const atLineStart = (state as unknown as { atBlockStart: boolean }).atBlockStart || startsLine(parent, index);
    let text = state.esc(node.text ?? '', atLineStart);
    if (atLineStart) {
      for (const [pattern, replacement] of START_OF_LINE_EXTRA) text = text.replace(pattern, replacement);
    }
    state.text(text, false);
  },
  table(state, node) {
    renderTable(state, node);
  },
};

const marks: MarkSerializers = {
  italic: { open: '*', close: '*', mixable: true, expelEnclosingWhitespace: true },
  bold: { open: '**', close: '**', mixable: true, expelEnclosingWhitespace: true },
  underline: { open: '++', close: '++', mixable: true, expelEnclosingWhitespace: true },
  strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
  link: {
    open: '[',
    close: (_state, mark) => `](${escapeHref(mark.attrs.href as string)}${linkTitle(mark.attrs.title)})`,
    mixable: true,
  },
};

// `&eacute;` typed as text must not come back as "é"; `<https://…>` must not become a link;
// "C++ et C++" must not come back underlined (`~` is escaped by prosemirror-markdown itself).
const escapeExtraCharacters = /&(?=#?[0-9A-Za-z]+;)|<(?=[\w])|\+(?=\+)/g;

const serializer = new MarkdownSerializer(blockNodes, marks, {
  escapeExtraCharacters,
  hardBreakNodeName: 'hardBreak',
});

// A GFM cell is one line: blocks inside a cell are joined with spaces, breaks become spaces.
const cellSerializer = new MarkdownSerializer(
  {
    ...blockNodes,
    hardBreak: (state) => state.write(' '),
    table: (state, node) => {
      state.write(tableCellTexts(node).join(' '));
      state.closeBlock(node);
    },
  },
  marks,
  { escapeExtraCharacters, hardBreakNodeName: 'hardBreak' },
);

function adjacentToSameType(node: ProseMirrorNode, parent: ProseMirrorNode, index: number): boolean {
  return index > 0 && parent.child(index - 1).type === node.type;
}

function escapeHref(href: string): string {
  return href.replace(/[()\\]/g, '\\$&').replace(/ /g, '%20');
}

function linkTitle(title: unknown): string {
  return typeof title === 'string' && title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
}

function renderCell(cell: ProseMirrorNode): string {
  const markdown = cellSerializer.serialize(cell, { tightLists: true });
  return markdown.replace(/\s*\n\s*/g, ' ').trim().replace(/\|/g, '\\|');
}

function tableCellTexts(table: ProseMirrorNode): string[] {
  const texts: string[] = [];
  table.descendants((node) => {
    if (node.type.name === 'tableCell' || node.type.name === 'tableHeader') {
      texts.push(renderCell(node));
      return false;
    }
    return true;
  });
  return texts;
}

/**
 * GFM pipe table from the table's grid: the first row is the header row, a cell spanning
 * several slots fills the first one and leaves the others empty, alignment is the first row's.
 */
function renderTable(state: MarkdownSerializerState, table: ProseMirrorNode): void {
  const map = TableMap.get(table);
  const rendered = new Map<number, string>();
  const rows: string[][] = [];
  const aligns: CellAlign[] = [];
  for (let row = 0; row < map.height; row++) {
    const cells: string[] = [];
    for (let column = 0; column < map.width; column++) {
      const slot = row * map.width + column;
      const position = map.map[slot];
      const isOrigin = !map.map.slice(0, slot).includes(position);
      const cell = table.nodeAt(position);
      if (row === 0) aligns.push((cell?.attrs.align as CellAlign) ?? null);
      if (!cell || !isOrigin) {
        cells.push('');
        continue;
      }
      if (!rendered.has(position)) rendered.set(position, renderCell(cell));
      cells.push(rendered.get(position) ?? '');
    }
    rows.push(cells);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const delimiter = aligns.map((align) =>
    align === 'left' ? ':---' : align === 'right' ? '---:' : align === 'center' ? ':---:' : '---',
  );
  const lines = [line(rows[0] ?? []), line(delimiter), ...rows.slice(1).map(line)];
  lines.forEach((text, index) => {
    if (index > 0) state.ensureNewLine();
    state.write(text);
  });
  state.closeBlock(table);
}

/**
 * Whitespace Markdown cannot carry is removed before serialising, so the output is a fixed
 * point: text blocks lose leading/trailing whitespace, trailing hard breaks are dropped and
 * newlines inside text become spaces.
 */
function normalizeWhitespace(node: ProseMirrorNode): ProseMirrorNode {
  if (node.isTextblock) return normalizeTextblock(node);
  if (node.isLeaf) return node;
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(normalizeWhitespace(child)));
  return node.copy(Fragment.fromArray(children));
}

function normalizeTextblock(block: ProseMirrorNode): ProseMirrorNode {
  const children: ProseMirrorNode[] = [];
  block.forEach((child) => {
    if (child.isText) children.push(editorSchema.text((child.text ?? '').replace(/[\r\n]+/g, ' '), child.marks));
    else children.push(child);
  });
  while (children.length && children[children.length - 1].type.name === 'hardBreak') children.pop();
  const trimmed = children
    .map((child, index) => {
      if (!child.isText) return child;
      let text = child.text ?? '';
      if (index === 0) text = text.replace(/^\s+/, '');
      else if (children[index - 1].type.name === 'hardBreak') text = text.replace(/^[ \t]+/, '');
      if (index === children.length - 1) text = text.replace(/\s+$/, '');
      return text ? editorSchema.text(text, child.marks) : null;
    })
    .filter((child): child is ProseMirrorNode => child !== null);
  // Whitespace-only text between a leading/trailing node and the edge may remain; one more
  // pass settles it.
  const settled = block.copy(Fragment.fromArray(trimmed));
  return trimmed.length === children.length ? settled : normalizeTextblock(settled);
}

/**
 * Canonical Markdown: the same document always gives the same bytes. ATX headings, `-`
 * bullets, `1.` numbering, `*emphasis*`, `**strong**`, `++underline++`, `~~strike~~`, `---` rules, GFM pipe tables, tight
 * lists, no trailing whitespace, blocks separated by one blank line, one final newline
 * (an empty document gives the empty string).
 */
export function docToMarkdown(doc: ProseMirrorNode): string {
  const markdown = serializer.serialize(normalizeWhitespace(doc), { tightLists: true });
  const tidy = markdown
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
  return tidy ? `${tidy}\n` : '';
}

export function jsonToMarkdown(json: ProseMirrorJSON): string {
  return docToMarkdown(editorSchema.nodeFromJSON(json));
}

/** Markdown → canonical Markdown (what the body becomes once it has been through the editor). */
export function canonicalMarkdown(markdown: string): string {
  return docToMarkdown(markdownToDoc(markdown));
}
