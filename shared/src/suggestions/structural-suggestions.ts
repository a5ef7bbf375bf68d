import * as Y from 'yjs';
import { encodeRelativePosition, anchorAt, applySuggestionToYDoc, formatAt, locateUniqueQuote, resolveSpan, runText, textRuns, type AnchoredSpan, type SuggestionAnchor, type TextLocation } from './suggestion-anchors';
import type { SuggestionFormat } from './suggestion-format';
import { PARAGRAPH_BREAK, suggestionKind } from './suggestions';

/** Text blocks whose runs a paragraph suggestion may split or join. */
const TEXT_BLOCKS = ['paragraph', 'heading'];

type Delta = Array<{ insert: string; attributes?: Record<string, unknown> }>;

/** The body's runs joined by "\n\n": the text a quote crossing paragraphs is read in. */
export function bodyText(doc: Y.Doc): string {
  return textRuns(doc).map(runText).join(PARAGRAPH_BREAK);
}

export type SpanLocation = { found: true; anchor: SuggestionAnchor } | { found: false; occurrences: number };

/**
 * Where `quote` stands in the body if it occurs exactly once, anchored: within one run as
 * before, or, when it holds "\n\n", across the runs of consecutive paragraphs (the body's runs
 * read joined by "\n\n"; a quote starting or ending inside a break is not an occurrence).
 */
export function locateUniqueSpan(doc: Y.Doc, quote: string): SpanLocation {
  if (!quote.includes(PARAGRAPH_BREAK)) {
    const located = locateUniqueQuote(doc, quote);
    return located.found ? { found: true, anchor: anchorAt(located.location, quote.length) } : located;
  }
  const runs = textRuns(doc);
  const texts = runs.map(runText);
  const offsets: number[] = [];
  let offset = 0;
  for (const text of texts) {
    offsets.push(offset);
    offset += text.length + PARAGRAPH_BREAK.length;
  }
  const at = (k: number): TextLocation | null => {
    const i = offsets.findIndex((start, index) => k >= start && k <= start + texts[index].length);
    return i < 0 ? null : { text: runs[i], index: k - offsets[i] };
  };
  const joined = texts.join(PARAGRAPH_BREAK);
  let occurrences = 0;
  let found: SuggestionAnchor | null = null;
  for (let index = joined.indexOf(quote); index >= 0; index = joined.indexOf(quote, index + 1)) {
    const start = at(index);
    const end = at(index + quote.length);
    if (!start || !end) continue;
    occurrences += 1;
    found = anchorSpanAt(start, end);
  }
  return occurrences === 1 && found ? { found: true, anchor: found } : { found: false, occurrences };
}

/** Anchors from `start` to `end` (other runs): the start sticks to the first quoted character, the end to the last. */
export function anchorSpanAt(start: TextLocation, end: TextLocation): SuggestionAnchor {
  return {
    start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0)),
    end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(end.text, end.index, -1)),
  };
}

function indexIn(parent: Y.XmlElement | Y.XmlFragment, child: Y.XmlElement): number {
  return parent.toArray().indexOf(child);
}

function blockOf(text: Y.XmlText): Y.XmlElement | null {
  return text.parent instanceof Y.XmlElement ? text.parent : null;
}

/**
 * Why a paragraph change cannot be made on this span, or null: every run must be the whole
 * content of a paragraph or heading, and a span crossing paragraphs must cover consecutive
 * paragraphs of the same container (not two list items, not a paragraph and a table).
 */
export function paragraphEditProblem(span: AnchoredSpan): string | null {
  const blocks = span.segments.map((segment) => blockOf(segment.text));
  if (blocks.some((block) => !block || !TEXT_BLOCKS.includes(block.nodeName) || block.length !== 1)) {
    return 'quote must stand in paragraphs or headings of plain text';
  }
  const parent = blocks[0]!.parent as Y.XmlElement | Y.XmlFragment | null;
  if (!parent) return 'quote must stand in the body';
  const first = indexIn(parent, blocks[0]!);
  if (blocks.some((block, i) => block!.parent !== parent || indexIn(parent, block!) !== first + i)) {
    return 'quote must cross only consecutive paragraphs of the same list item, cell or level';
  }
  return null;
}

function sliceDelta(text: Y.XmlText, from: number, to: number): Delta {
  const out: Delta = [];
  let offset = 0;
  for (const op of text.toDelta() as Delta) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + length);
    if (start < end && typeof op.insert === 'string') out.push({ insert: op.insert.slice(start - offset, end - offset), ...(op.attributes ? { attributes: op.attributes } : {}) });
    offset += length;
  }
  return out;
}

function insertDelta(text: Y.XmlText, index: number, delta: Delta): void {
  let at = index;
  for (const op of delta) {
    text.insert(at, op.insert, op.attributes ?? {});
    at += op.insert.length;
  }
}

/** Offset `k` of a span's text as a segment and an index in its run; null inside a paragraph break. */
function spanPosition(span: AnchoredSpan, k: number): { segment: number; index: number } | null {
  let start = 0;
  for (let i = 0; i < span.segments.length; i++) {
    const { from, to } = span.segments[i];
    if (k >= start && k <= start + (to - from)) return { segment: i, index: from + (k - start) };
    start += to - from + PARAGRAPH_BREAK.length;
  }
  return null;
}

/**
 * How many characters the quote and its replacement share at their start and at their end, never
 * cutting a paragraph break in two: only what lies between is changed (or marked, in the DOCX).
 */
export function unchangedEnds(quote: string, replacement: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < quote.length && prefix < replacement.length && quote[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (suffix < quote.length - prefix && suffix < replacement.length - prefix && quote[quote.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  const insideBreak = (k: number) => quote[k - 1] === '\n' && quote[k] === '\n';
  while (prefix > 0 && insideBreak(prefix)) prefix--;
  while (suffix > 0 && insideBreak(quote.length - suffix)) suffix--;
  return { prefix, suffix };
}

/** A new block after `block` for a split: list items stay list items, a heading split at its end continues as a paragraph. */
function insertBlocksAfter(block: Y.XmlElement, contents: Delta[], continuesAsParagraph: boolean): void {
  const parent = block.parent as Y.XmlElement | Y.XmlFragment;
  const item = parent instanceof Y.XmlElement && parent.nodeName === 'listItem' && parent.get(parent.length - 1) === block ? parent : null;
  const container = (item ? item.parent : parent) as Y.XmlElement | Y.XmlFragment;
  let index = indexIn(container, item ?? block) + 1;
  const name = continuesAsParagraph ? 'paragraph' : block.nodeName;
  const attributes = continuesAsParagraph ? {} : block.getAttributes();
  for (const content of contents) {
    const created = new Y.XmlElement(name);
    const wrapper = item ? new Y.XmlElement('listItem') : created;
    container.insert(index++, [wrapper]);
    if (item) wrapper.insert(0, [created]);
    for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value as string);
    created.insert(0, [new Y.XmlText()]);
    insertDelta(created.get(0) as Y.XmlText, 0, content);
  }
}

/**
 * Applies a `paragraph` suggestion: the quote (which may cross consecutive paragraphs) becomes
 * the replacement, each "\n\n" of which starts a new paragraph. Only what differs between the
 * two is touched, so the words kept keep their formatting. False, and nothing changed, if the
 * anchor no longer holds the quote or the paragraphs can no longer be split or joined there.
 */
export function applyParagraphSuggestion(doc: Y.Doc, anchor: SuggestionAnchor, quote: string, replacement: string): boolean {
  const span = resolveSpan(doc, anchor);
  if (!span || span.current !== quote || paragraphEditProblem(span)) return false;
  const before = bodyText(doc);
  const runs = textRuns(doc);
  const first = span.segments[0];
  const globalStart = runs.slice(0, runs.indexOf(first.text)).reduce((sum, run) => sum + run.length + PARAGRAPH_BREAK.length, 0) + first.from;
  const expected = before.slice(0, globalStart) + replacement + before.slice(globalStart + quote.length);

  const { prefix, suffix } = unchangedEnds(quote, replacement);
  const a = spanPosition(span, prefix)!;
  const b = spanPosition(span, quote.length - suffix)!;
  const inserted = replacement.slice(prefix, replacement.length - suffix);

  const runA = span.segments[a.segment].text;
  const blockA = blockOf(runA)!;
  doc.transact(() => {
    const removesWords = b.segment > a.segment || b.index > a.index;
    const attributes = formatAt(runA, removesWords ? a.index : Math.max(0, a.index - 1));
    if (a.segment === b.segment) {
      runA.delete(a.index, b.index - a.index);
    } else {
      const runB = span.segments[b.segment].text;
      const kept = sliceDelta(runB, b.index, runB.length);
      runA.delete(a.index, runA.length - a.index);
      const parent = blockA.parent as Y.XmlElement | Y.XmlFragment;
      parent.delete(indexIn(parent, blockA) + 1, b.segment - a.segment);
      insertDelta(runA, a.index, kept);
    }
    const [head, ...paragraphs] = inserted.split(PARAGRAPH_BREAK);
    if (head) runA.insert(a.index, head, attributes);
    if (paragraphs.length === 0) return;
    const cut = a.index + head.length;
    const tail = sliceDelta(runA, cut, runA.length);
    runA.delete(cut, runA.length - cut);
    const contents: Delta[] = paragraphs.map((text, i) => [...(text ? [{ insert: text, attributes }] : []), ...(i === paragraphs.length - 1 ? tail : [])]);
    insertBlocksAfter(blockA, contents, blockA.nodeName === 'heading' && tail.length === 0);
  });
  // Guards the one rule that matters: the text changed exactly as the suggestion said.
  if (bodyText(doc) !== expected) throw new Error('paragraph suggestion applied unexpectedly');
  return true;
}

/** Why this format cannot apply to this span, or null (a list item's first paragraph cannot become a heading). */
export function formatProblem(span: AnchoredSpan, format: SuggestionFormat): string | null {
  if ('mark' in format) return null;
  const blocks = span.segments.map((segment) => blockOf(segment.text));
  if (blocks.some((block) => !block || !TEXT_BLOCKS.includes(block.nodeName))) return 'format.block applies to paragraphs and headings only';
  if (format.block === 'heading' && blocks.some((block) => (block!.parent as Y.XmlElement).nodeName === 'listItem')) {
    return 'format.block heading cannot apply to a list item';
  }
  return null;
}

function element(name: string, attributes: Record<string, unknown>, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const created = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value as string);
  created.insert(0, children);
  return created;
}

/** A copy of `block` under another name (its content cloned: anchors inside it do not follow). */
function copyAs(block: Y.XmlElement, name: string, attributes: Record<string, unknown>): Y.XmlElement {
  return element(name, attributes, block.toArray().map((child) => child.clone() as Y.XmlText | Y.XmlElement));
}

function replaceBlock(block: Y.XmlElement, replacement: Y.XmlElement): void {
  const parent = block.parent as Y.XmlElement | Y.XmlFragment;
  const index = indexIn(parent, block);
  parent.insert(index, [replacement]);
  parent.delete(index + 1, 1);
}

/** Consecutive runs of siblings among `blocks` (same parent, adjacent), in order. */
function siblingGroups(blocks: Y.XmlElement[]): Y.XmlElement[][] {
  const groups: Y.XmlElement[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1)?.at(-1);
    const parent = block.parent as Y.XmlElement | Y.XmlFragment;
    if (last && last.parent === parent && indexIn(parent, last) + 1 === indexIn(parent, block)) groups.at(-1)!.push(block);
    else groups.push([block]);
  }
  return groups;
}

function applyBlockFormat(blocks: Y.XmlElement[], format: Exclude<SuggestionFormat, { mark: string }>): void {
  const inList = (block: Y.XmlElement) => (block.parent as Y.XmlElement).nodeName === 'listItem';
  if (format.block === 'heading' || (format.block === 'paragraph' && !blocks.some(inList))) {
    for (const block of blocks) {
      if (inList(block)) continue;
      if (format.block === 'heading' && block.nodeName === 'heading') block.setAttribute('level', format.level as unknown as string);
      else if (format.block === 'heading') replaceBlock(block, copyAs(block, 'heading', { level: format.level }));
      else if (block.nodeName !== 'paragraph') replaceBlock(block, copyAs(block, 'paragraph', {}));
    }
    return;
  }
  const items = [...new Set(blocks.filter(inList).map((block) => block.parent as Y.XmlElement))];
  const lists = [...new Set(items.map((item) => item.parent as Y.XmlElement))];
  if (format.block === 'paragraph') {
    // Lifted out of their list: the list is cut around the quoted items.
    for (const list of lists) {
      const all = list.toArray() as Y.XmlElement[];
      const covered = all.map((item, index) => (items.includes(item) ? index : -1)).filter((index) => index >= 0);
      const [low, high] = [covered[0], covered.at(-1)!];
      const parent = list.parent as Y.XmlElement | Y.XmlFragment;
      const at = indexIn(parent, list) + 1;
      const lifted = all.slice(low, high + 1).flatMap((item) => item.toArray().map((child) => child.clone() as Y.XmlElement));
      const rest = all.slice(high + 1);
      const after = rest.length > 0 ? [element(list.nodeName, list.getAttributes(), rest.map((item) => item.clone() as Y.XmlElement))] : [];
      parent.insert(at, [...lifted, ...after]);
      if (low === 0) parent.delete(at - 1, 1);
      else list.delete(low, all.length - low);
    }
    return;
  }
  for (const list of lists) {
    if (list.nodeName !== format.block) replaceBlock(list, copyAs(list, format.block, {}));
  }
  for (const group of siblingGroups(blocks.filter((block) => !inList(block)))) {
    const parent = group[0].parent as Y.XmlElement | Y.XmlFragment;
    const at = indexIn(parent, group[0]);
    const list = element(format.block, {}, group.map((block) => element('listItem', {}, [copyAs(block, 'paragraph', {})])));
    parent.insert(at, [list]);
    parent.delete(at + 1, group.length);
  }
}

/**
 * Applies a `format` suggestion: the mark added to or removed from the quoted characters, or the
 * quoted paragraphs turned into the block type. The words never change. False, and nothing
 * changed, if the anchor no longer holds the quote.
 */
export function applyFormatSuggestion(doc: Y.Doc, anchor: SuggestionAnchor, quote: string, format: SuggestionFormat): boolean {
  const span = resolveSpan(doc, anchor);
  if (!span || span.current !== quote || formatProblem(span, format)) return false;
  const before = bodyText(doc);
  doc.transact(() => {
    if ('mark' in format) {
      for (const { text, from, to } of span.segments) {
        if (to > from) text.format(from, to - from, { [format.mark]: format.action === 'add' ? {} : null });
      }
    } else {
      const blocks = [...new Set(span.segments.map((segment) => blockOf(segment.text)!))];
      applyBlockFormat(blocks, format);
    }
  });
  if (bodyText(doc) !== before) throw new Error('format suggestion changed the words');
  return true;
}

/** What a stored suggestion needs to be applied. */
export interface ApplicableSuggestion {
  anchor: SuggestionAnchor;
  quote: string;
  replacement: string;
  format?: SuggestionFormat | null;
}

/** Applies any kind of suggestion in one Yjs transaction; false (nothing changed) if its text is gone. */
export function applySuggestion(doc: Y.Doc, suggestion: ApplicableSuggestion): boolean {
  const { anchor, quote, replacement, format } = suggestion;
  if (format) return applyFormatSuggestion(doc, anchor, quote, format);
  if (suggestionKind(quote, replacement) === 'paragraph') return applyParagraphSuggestion(doc, anchor, quote, replacement);
  return applySuggestionToYDoc(doc, anchor, quote, replacement);
}

/** Why a suggestion of this text cannot stand on this span, or null (checked when it is made). */
export function suggestionSpanProblem(span: AnchoredSpan, quote: string, replacement: string, format: SuggestionFormat | null): string | null {
  if (format) return formatProblem(span, format);
  if (suggestionKind(quote, replacement) === 'paragraph') return paragraphEditProblem(span);
  return null;
}
