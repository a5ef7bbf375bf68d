import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { editorSchema } from './extensions';
import { docToMarkdown, markdownToDoc } from './markdown';

/** A top-level block of a version, as in the API's `paragraphs: [{ id, markdown }]`. */
const UNIT_ID = /^p-(\d+)(?:\.(\d+))?-[0-9a-f]{8}$/;

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

/** A paragraph id's block in its version, from 1 ("p-5-e1eb19d4" and "p-5.0-1a2b3c4d" → 6), or null for another id. */
export function paragraphNumber(id: string): number | null {
  const match = UNIT_ID.exec(id);
  return match ? Number(match[1]) + 1 : null;
}

/** Text order of ids: block, then item (ids of another form last, as given). */
export function sortParagraphIds(ids: readonly string[]): string[] {
  const order = (id: string): [number, number] => {
    const match = UNIT_ID.exec(id);
    return match ? [Number(match[1]), match[2] === undefined ? -1 : Number(match[2])] : [Infinity, Infinity];
  };
  return [...ids]
    .map((id) => ({ id, order: order(id) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ id }) => id);
}

/** "§ 2, § 6.1" for paragraph ids, in text order (ids of another form are shown as given). */
export function paragraphLabels(ids: readonly string[]): string {
  return sortParagraphIds(ids)
    .map((id) => paragraphLabel(id) ?? id)
    .join(', ');
}

/**
 * An addressable paragraph of a version: what a position may point at and the round page
 * numbers. A list is addressed item by item and a table row by row (a federation can object
 * to proposition 1 alone); every other block is one unit. Headings are units too, but only to
 * label the units under them: they are not objectable.
 *
 * Numbering, as a clerk cites a text: § N is the N-th block of the version (headings count, so
 * a § keeps the number it has always had in rounds, decisions and annexes); § N.k is the k-th
 * item of the list in § N (sub-items belong to their item), or the k-th row of the table in
 * § N under its header row.
 */
export interface ParagraphUnit {
  /** The block's id (`p-5-e1eb19d4`), or for an item or row `p-<block index>.<index from 0>-<hash>`. */
  id: string;
  /** `§ 6`, `§ 6.1`. */
  label: string;
  /** The unit alone as canonical Markdown (an item as a one-item list, a row under its table's header). */
  markdown: string;
  /** The id of the top-level block holding it (its own id for a whole block). */
  blockId: string;
  /** The text of the nearest heading above it, or null before any heading. */
  heading: string | null;
  objectable: boolean;
}

function unitMarkdown(block: ProseMirrorNode): string {
  return docToMarkdown(editorSchema.topNodeType.create(null, Fragment.from(block))).replace(/\n$/, '');
}

function unitId(blockIndex: number, index: number, markdown: string): string {
  return `p-${blockIndex}.${index}-${contentHash(markdown).slice(0, 8)}`;
}

/** A list's items, or a table's rows under the header row, each as a block of its own. */
function subBlocks(block: ProseMirrorNode): ProseMirrorNode[] | null {
  if (block.type.name === 'bulletList' || block.type.name === 'orderedList') {
    const start = Number(block.attrs.start ?? 1);
    const items: ProseMirrorNode[] = [];
    block.forEach((item, _offset, index) => {
      const attrs = block.type.name === 'orderedList' ? { ...block.attrs, start: start + index } : block.attrs;
      items.push(block.type.create(attrs, Fragment.from(item)));
    });
    return items;
  }
  if (block.type.name === 'table') {
    const rows = childNodes(block);
    const isHeader = (row: ProseMirrorNode) => row.childCount > 0 && row.firstChild?.type.name === 'tableHeader';
    const header = rows.find(isHeader);
    return rows.filter((row) => !isHeader(row)).map((row) => block.type.create(block.attrs, header ? [header, row] : [row]));
  }
  return null;
}

/**
 * The addressable paragraphs of a version, from its top-level blocks (`paragraphs` as stored
 * and served): the block ids stay what they are, so every id ever stored still resolves.
 */
export function paragraphUnits(paragraphs: readonly Paragraph[]): ParagraphUnit[] {
  const units: ParagraphUnit[] = [];
  let heading: string | null = null;
  paragraphs.forEach((paragraph, position) => {
    const blockIndex = (paragraphNumber(paragraph.id) ?? position + 1) - 1;
    const label = `§ ${blockIndex + 1}`;
    const block = markdownToDoc(paragraph.markdown).firstChild;
    if (block?.type.name === 'heading') {
      heading = block.textContent.trim();
      units.push({ id: paragraph.id, label, markdown: paragraph.markdown, blockId: paragraph.id, heading, objectable: false });
      return;
    }
    const parts = block ? subBlocks(block) : null;
    if (!parts || parts.length === 0) {
      const objectable = block?.type.name !== 'horizontalRule';
      units.push({ id: paragraph.id, label, markdown: paragraph.markdown, blockId: paragraph.id, heading, objectable });
      return;
    }
    parts.forEach((part, index) => {
      const markdown = unitMarkdown(part);
      units.push({ id: unitId(blockIndex, index, markdown), label: `${label}.${index + 1}`, markdown, blockId: paragraph.id, heading, objectable: true });
    });
  });
  return units;
}

/**
 * The ids a position on this version may point at: the objectable units, and the whole lists
 * and tables they belong to (ids a client may have taken from `paragraphs`). Never a heading.
 */
export function objectableParagraphIds(paragraphs: readonly Paragraph[]): string[] {
  const units = paragraphUnits(paragraphs).filter((unit) => unit.objectable);
  return [...new Set(units.flatMap((unit) => (unit.id === unit.blockId ? [unit.id] : [unit.blockId, unit.id])))];
}

/** "6" or "6.1": the § a paragraph id is cited by, or null for an id of another form. */
export function paragraphCitation(id: string): string | null {
  const match = UNIT_ID.exec(id);
  if (!match) return null;
  return match[2] === undefined ? `${Number(match[1]) + 1}` : `${Number(match[1]) + 1}.${Number(match[2]) + 1}`;
}

/** "§ 6" or "§ 6.1" for a paragraph id, or null for an id of another form. */
export function paragraphLabel(id: string): string | null {
  const citation = paragraphCitation(id);
  return citation === null ? null : `§ ${citation}`;
}

/** Whether a position pointing at `pointed` concerns this unit (directly, or through its whole list or table). */
export function unitConcerned(unit: Pick<ParagraphUnit, 'id' | 'blockId'>, pointed: readonly string[]): boolean {
  return pointed.includes(unit.id) || pointed.includes(unit.blockId);
}

function childNodes(node: ProseMirrorNode): ProseMirrorNode[] {
  const nodes: ProseMirrorNode[] = [];
  node.forEach((child) => nodes.push(child));
  return nodes;
}

interface Target {
  /** The unit's own node: a block, or an item or row (taken out of its one-item list or table). */
  node: ProseMirrorNode;
  item: boolean;
}

function targetsOf(versionParagraphs: readonly Paragraph[], ids: readonly string[]): Target[] {
  const units = new Map(paragraphUnits(versionParagraphs).map((unit) => [unit.id, unit]));
  const blocks = new Map(versionParagraphs.map((paragraph) => [paragraph.id, paragraph]));
  return ids.flatMap((id) => {
    const unit = units.get(id);
    const markdown = unit?.markdown ?? blocks.get(id)?.markdown;
    const block = markdown === undefined ? null : markdownToDoc(markdown).firstChild;
    if (!block) return [];
    const item = unit !== undefined && unit.id !== unit.blockId;
    return [{ node: item ? block.lastChild! : block, item }];
  });
}

/** The nodes an amendment puts in place of a target: blocks for a block; items or rows for an item or row. */
function replacementNodes(target: Target, container: ProseMirrorNode | null, amendment: ProseMirrorNode): ProseMirrorNode[] | null {
  const blocks = childNodes(amendment);
  if (!target.item || !container) return blocks;
  const only = blocks.length === 1 ? blocks[0] : null;
  if (container.type.name === 'table') {
    if (only?.type.name !== 'table') return null;
    return subBlocks(only)?.map((table) => table.lastChild!) ?? null;
  }
  if (only && (only.type.name === 'bulletList' || only.type.name === 'orderedList')) return childNodes(only);
  try {
    const item = target.node.type.createChecked(target.node.attrs, blocks);
    return [item];
  } catch {
    return null;
  }
}

/**
 * The draft with the units `ids` of a version (blocks, list items, table rows) replaced by
 * `amendment`: the first one in the draft's order takes the amendment, the others are removed
 * (a list or table left empty goes too). A unit is found in the draft by its content (an item
 * whatever its number). Null when one is no longer in the draft as it was, when the ids name
 * nothing (nothing tells where the amendment goes), or when the amendment cannot stand there
 * (a table row replaced by anything but a table).
 */
export function replaceParagraphUnits(
  draftMarkdown: string,
  versionParagraphs: readonly Paragraph[],
  ids: readonly string[],
  amendment: string,
): string | null {
  const targets = targetsOf(versionParagraphs, ids);
  if (targets.length === 0) return null;
  const draft = markdownToDoc(draftMarkdown);
  const blocks = childNodes(draft);
  const children = blocks.map((block) => (subBlocks(block) ? childNodes(block) : null));
  // Where each target is: [block, child or -1].
  const found: [number, number][] = [];
  const taken = (place: [number, number]) => found.some(([b, c]) => b === place[0] && c === place[1]);
  for (const target of targets) {
    let place: [number, number] | null = null;
    for (let b = 0; b < blocks.length && !place; b++) {
      if (!target.item) {
        if (blocks[b].eq(target.node) && !taken([b, -1])) place = [b, -1];
        continue;
      }
      const nodes = children[b] ?? [];
      for (let c = 0; c < nodes.length && !place; c++) {
        if (nodes[c].eq(target.node) && !taken([b, c])) place = [b, c];
      }
    }
    if (!place) return null;
    found.push(place);
  }
  const first = [...found].sort((x, y) => x[0] - y[0] || x[1] - y[1])[0];
  const firstTarget = targets[found.indexOf(first)];
  const replacement = replacementNodes(firstTarget, first[1] < 0 ? null : blocks[first[0]], markdownToDoc(amendment));
  if (!replacement) return null;

  const result: ProseMirrorNode[] = [];
  blocks.forEach((block, b) => {
    if (taken([b, -1])) {
      if (first[0] === b) result.push(...replacement);
      return;
    }
    const nodes = children[b];
    if (!nodes || !found.some(([fb]) => fb === b)) {
      result.push(block);
      return;
    }
    const kept = nodes.flatMap((node, c) => (first[0] === b && first[1] === c ? replacement : taken([b, c]) ? [] : [node]));
    const bodyRows = block.type.name === 'table' ? kept.filter((row) => row.firstChild?.type.name !== 'tableHeader') : kept;
    if (bodyRows.length > 0) result.push(block.type.create(block.attrs, kept));
  });
  return docToMarkdown(draft.type.create(draft.attrs, result));
}
