import * as Y from 'yjs';
import { bodyFragment } from '../editor/ydoc';
import { applySuggestionToText, PARAGRAPH_BREAK } from './suggestions';

/** Yjs relative positions (base64) of a suggestion's quote: its first character and its end. */
export interface SuggestionAnchor {
  start: string;
  end: string;
}

/** One run of text of the body (a paragraph's, heading's, cell's…), where a quote can stand. */
export interface TextLocation {
  text: Y.XmlText;
  index: number;
}

/** Placeholder for a non-text item inside a run, so offsets stay equal to Yjs indexes. */
const EMBED = '\ufffc';

export function encodeRelativePosition(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeRelativePosition(base64: string): Y.RelativePosition {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Y.decodeRelativePosition(bytes);
}

/** The plain text of one run: as many characters as Yjs counts. */
export function runText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : EMBED)).join('');
}

/** Every run of text of the body, in reading order. */
export function textRuns(doc: Y.Doc): Y.XmlText[] {
  const runs: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) runs.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(bodyFragment(doc));
  return runs;
}

export type QuoteLocation = { found: true; location: TextLocation } | { found: false; occurrences: number };

/** Where `quote` stands in the body, if it occurs exactly once (inside one run: a quote never spans two paragraphs). */
export function locateUniqueQuote(doc: Y.Doc, quote: string): QuoteLocation {
  if (quote === '') return { found: false, occurrences: 0 };
  let found: TextLocation | null = null;
  let occurrences = 0;
  for (const text of textRuns(doc)) {
    const content = runText(text);
    for (let index = content.indexOf(quote); index >= 0; index = content.indexOf(quote, index + 1)) {
      occurrences += 1;
      found = { text, index };
    }
  }
  return occurrences === 1 && found ? { found: true, location: found } : { found: false, occurrences };
}

/**
 * Anchors `length` characters at `location`: the start sticks to the first quoted character and
 * the end to the last one, so words typed just before or just after never join the quote.
 */
export function anchorAt({ text, index }: TextLocation, length: number): SuggestionAnchor {
  const start = Y.createRelativePositionFromTypeIndex(text, index, 0);
  const end = length > 0 ? Y.createRelativePositionFromTypeIndex(text, index + length, -1) : start;
  return { start: encodeRelativePosition(start), end: encodeRelativePosition(end) };
}

/** Where an anchored range stands now. */
export interface AnchoredRange {
  text: Y.XmlText;
  from: number;
  to: number;
  current: string;
}

export function isDeleted(type: Y.XmlText): boolean {
  for (let item = type._item; item; item = (item.parent as Y.XmlElement)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/** The range an anchor points at in `doc`, or null if it cannot be read, its run was deleted or its ends fell apart. */
export function resolveAnchor(doc: Y.Doc, anchor: SuggestionAnchor): AnchoredRange | null {
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.start), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.end), doc);
    if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
    if (isDeleted(start.type)) return null;
    const text = start.type;
    const from = start.index;
    const to = anchor.start === anchor.end ? from : end.index;
    if (to < from) return null;
    return { text, from, to, current: runText(text).slice(from, to) };
  } catch {
    return null;
  }
}

/** One run's part of an anchored span. */
export interface SpanSegment {
  text: Y.XmlText;
  from: number;
  to: number;
}

/** Where an anchor stands now when it may cross paragraphs: its runs' parts, and their text joined by "\n\n". */
export interface AnchoredSpan {
  segments: SpanSegment[];
  current: string;
}

/**
 * The span an anchor points at: one run's range, or (a paragraph or format suggestion) from its
 * start run to its end run, every run between included whole. Null if it cannot be read, a run is
 * gone or its end now stands before its start.
 */
export function resolveSpan(doc: Y.Doc, anchor: SuggestionAnchor): AnchoredSpan | null {
  // Types the root as the body fragment (a doc loaded from an update has it untyped until asked).
  bodyFragment(doc);
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.start), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.end), doc);
    if (!start || !end || !(start.type instanceof Y.XmlText) || !(end.type instanceof Y.XmlText)) return null;
    if (isDeleted(start.type) || isDeleted(end.type)) return null;
    if (start.type === end.type) {
      const to = anchor.start === anchor.end ? start.index : end.index;
      if (to < start.index) return null;
      return { segments: [{ text: start.type, from: start.index, to }], current: runText(start.type).slice(start.index, to) };
    }
    const runs = textRuns(doc);
    const first = runs.indexOf(start.type);
    const last = runs.indexOf(end.type);
    if (first < 0 || last <= first) return null;
    const segments = runs.slice(first, last + 1).map((text, i, all) => ({
      text,
      from: i === 0 ? start.index : 0,
      to: i === all.length - 1 ? end.index : text.length,
    }));
    return { segments, current: segments.map(({ text, from, to }) => runText(text).slice(from, to)).join(PARAGRAPH_BREAK) };
  } catch {
    return null;
  }
}

/**
 * Whether an open suggestion still stands on its quote. An insertion (empty quote) stands as
 * long as its place does; any other only while the anchored text is exactly the quote (across
 * paragraphs: the same paragraphs, none added between).
 */
export function anchorHolds(doc: Y.Doc, anchor: SuggestionAnchor, quote: string): boolean {
  const span = resolveSpan(doc, anchor);
  return span !== null && span.current === quote;
}

/**
 * Applies the suggestion to `doc` (inside the caller's transaction, if any): the quote is deleted
 * and the replacement inserted with the quote's formatting. False, and nothing changed, if the
 * anchor no longer holds the quote (the suggestion is orphaned).
 */
export function applySuggestionToYDoc(doc: Y.Doc, anchor: SuggestionAnchor, quote: string, replacement: string): boolean {
  const range = resolveAnchor(doc, anchor);
  if (!range || range.current !== quote) return false;
  const { text, from } = range;
  const before = runText(text);
  doc.transact(() => {
    const attributes = formatAt(text, quote === '' ? Math.max(0, from - 1) : from);
    if (quote.length > 0) text.delete(from, quote.length);
    if (replacement.length > 0) text.insert(from, replacement, attributes);
  });
  // Guards the one rule that matters: the run changed exactly as the suggestion said.
  if (runText(text) !== applySuggestionToText(before, from, quote, replacement)) throw new Error('suggestion applied unexpectedly');
  return true;
}

/** The formatting (marks) of the character at `index`, so a replacement keeps the quote's look. */
export function formatAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return { ...(op.attributes ?? {}) };
    offset += length;
  }
  return {};
}

/** The text of the run an anchor's start stands in now, whatever became of the quote; null if that run is gone. */
export function anchorRunText(doc: Y.Doc, anchor: SuggestionAnchor): string | null {
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(decodeRelativePosition(anchor.start), doc);
    if (!start || !(start.type instanceof Y.XmlText) || isDeleted(start.type)) return null;
    return runText(start.type);
  } catch {
    return null;
  }
}
