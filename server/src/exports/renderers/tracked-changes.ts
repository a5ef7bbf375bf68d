import {
  anchorHolds,
  applyParagraphSuggestion,
  FEDERATION_SHORT_NAMES,
  PARAGRAPH_BREAK,
  resolveAnchor,
  resolveSpan,
  yDocToMarkdown,
  type CommentDto,
  type FederationSlug,
  type SuggestionDto,
  unchangedEnds,
  type SuggestionFormat,
} from '@coupole/shared';
import * as Y from 'yjs';

/** One open suggestion as Word shows it: who and when ("Person (Fédération)"), and its card's thread. */
export interface TrackedChange {
  author: string;
  date: Date;
  /** The suggestion's comments, oldest first: a Word comment on the change, the others its replies. */
  comments: TrackedComment[];
  /** A format suggestion's change (its text is bracketed by the format markers). */
  format?: SuggestionFormat;
}

export interface TrackedComment {
  author: string;
  date: Date;
  body: string;
}

/**
 * Private-use characters bracket a suggestion's deleted and inserted text in the Markdown the
 * DOCX renderer reads; each opening marker is followed by one character naming the change
 * (`CHANGE_BASE + its index`). They survive Markdown and the export blocks as plain text and
 * never reach any other format.
 */
export const TRACKED = {
  deleteStart: '\ue000',
  deleteEnd: '\ue001',
  insertStart: '\ue002',
  insertEnd: '\ue003',
  formatStart: '\ue004',
  formatEnd: '\ue005',
  /** At the end of a paragraph (then the change's character): its paragraph mark is inserted or deleted. */
  paragraphInserted: '\ue006',
  paragraphDeleted: '\ue007',
} as const;
const CHANGE_BASE = 0xe100;
const MAX_CHANGES = 0xf8ff - CHANGE_BASE;

export function trackedAuthor(author: { displayName: string }, federation: string | null): string {
  const name = federation ? (FEDERATION_SHORT_NAMES[federation as FederationSlug] ?? federation) : 'Secrétariat';
  return `${author.displayName} (${name})`;
}

/**
 * The body as Markdown with each open suggestion that still stands on its quote written in
 * place as a deletion of the quote and an insertion of its replacement (on a scratch copy:
 * the stored body is not touched), with its thread (`threads`, by suggestion id) for Word
 * comments. Suggestions whose anchor no longer holds are left out.
 */
export function markdownWithTrackedChanges(
  state: Uint8Array,
  suggestions: readonly SuggestionDto[],
  threads: ReadonlyMap<string, readonly CommentDto[]> = new Map(),
): { markdown: string; changes: TrackedChange[] } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const changes: TrackedChange[] = [];
    const changeOf = (suggestion: SuggestionDto): string => {
      const comments = (threads.get(suggestion.id) ?? []).map((comment) => ({
        author: trackedAuthor(comment.author, comment.author.federation),
        date: new Date(comment.createdAt),
        body: comment.body,
      }));
      changes.push({
        author: trackedAuthor(suggestion.author, suggestion.federation),
        date: new Date(suggestion.createdAt),
        comments,
        ...(suggestion.format ? { format: suggestion.format } : {}),
      });
      return String.fromCharCode(CHANGE_BASE + changes.length - 1);
    };
    const wordChanges = suggestions.filter((suggestion) => suggestion.kind !== 'paragraph' && suggestion.kind !== 'format').slice(0, MAX_CHANGES);
    // Resolved first, applied after: inserting markers must not move the others' positions.
    const placed = wordChanges.flatMap((suggestion) => {
      const range = resolveAnchor(doc, suggestion.anchor);
      if (!range || range.current !== suggestion.quote) return [];
      return [{ suggestion, text: range.text, from: Y.createRelativePositionFromTypeIndex(range.text, range.from, -1), length: range.to - range.from }];
    });
    doc.transact(() => {
      for (const { suggestion, text, from, length } of placed) {
        const at = Y.createAbsolutePositionFromRelativePosition(from, doc);
        if (!at) continue;
        const id = changeOf(suggestion);
        let index = at.index;
        if (length > 0) {
          text.insert(index, TRACKED.deleteStart + id);
          index += 2 + length;
          text.insert(index, TRACKED.deleteEnd);
          index += 1;
        }
        if (suggestion.replacement) text.insert(index, TRACKED.insertStart + id + suggestion.replacement + TRACKED.insertEnd);
      }
    });
    // Paragraph suggestions: applied on the copy with their words bracketed and each paragraph mark they add or remove marked.
    for (const suggestion of suggestions.filter((item) => item.kind === 'paragraph')) {
      if (changes.length >= MAX_CHANGES || !anchorHolds(doc, suggestion.anchor, suggestion.quote)) continue;
      const id = changeOf(suggestion);
      if (!applyParagraphSuggestion(doc, suggestion.anchor, suggestion.quote, markedParagraphChange(suggestion.quote, suggestion.replacement, id))) changes.pop();
    }
    // Format suggestions: their quoted text bracketed in each run it crosses.
    for (const suggestion of suggestions.filter((item) => item.kind === 'format' && item.format)) {
      const span = changes.length < MAX_CHANGES ? resolveSpan(doc, suggestion.anchor) : null;
      if (!span || span.current !== suggestion.quote) continue;
      const id = changeOf(suggestion);
      doc.transact(() => {
        for (const { text, from, to } of [...span.segments].reverse()) {
          if (to === from) continue;
          text.insert(to, TRACKED.formatEnd);
          text.insert(from, TRACKED.formatStart + id);
        }
      });
    }
    return { markdown: yDocToMarkdown(doc), changes };
  } finally {
    doc.destroy();
  }
}

/**
 * What a paragraph suggestion's text becomes on the export's copy: its quote kept but bracketed as
 * deleted, its replacement bracketed as inserted, the words both share left plain, and a marker
 * at the end of each paragraph whose mark it removes (a join) or adds (a new paragraph).
 */
export function markedParagraphChange(quote: string, replacement: string, id: string): string {
  const { prefix, suffix } = unchangedEnds(quote, replacement);
  const bracket = (text: string, start: string, end: string, mark: string) =>
    text
      .split(PARAGRAPH_BREAK)
      .map((part) => (part ? start + id + part + end : ''))
      .join(mark + id + PARAGRAPH_BREAK);
  const deleted = bracket(quote.slice(prefix, quote.length - suffix), TRACKED.deleteStart, TRACKED.deleteEnd, TRACKED.paragraphDeleted);
  const inserted = bracket(replacement.slice(prefix, replacement.length - suffix), TRACKED.insertStart, TRACKED.insertEnd, TRACKED.paragraphInserted);
  // A join's deleted marks stay on the copy (marked) so Word, accepting, joins the paragraphs itself.
  return quote.slice(0, prefix) + deleted + inserted + quote.slice(quote.length - suffix);
}

/** A paragraph's mark revision, read from (and taken out of) its text: the change's index and whether it is inserted or deleted. */
export function paragraphMarkChange(text: string): { text: string; mark: { change: number; kind: 'insert' | 'delete' } | null } {
  let mark: { change: number; kind: 'insert' | 'delete' } | null = null;
  const cleaned = text.replace(/([\ue006\ue007])(.)/gu, (_match, marker: string, id: string) => {
    mark = { change: id.charCodeAt(0) - CHANGE_BASE, kind: marker === TRACKED.paragraphInserted ? 'insert' : 'delete' };
    return '';
  });
  return { text: cleaned, mark };
}

export type TrackedPiece = { kind: 'plain' | 'insert' | 'delete' | 'format'; text: string; change: number | null };

/**
 * Cuts one run's text at the markers. `state` carries an open change into the next run of the
 * same paragraph (a bold word inside a deleted passage is a run of its own).
 */
export function splitTracked(text: string, state: { kind: TrackedPiece['kind']; change: number | null }): TrackedPiece[] {
  const pieces: TrackedPiece[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push({ kind: state.kind, text: current, change: state.change });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === TRACKED.deleteStart || char === TRACKED.insertStart || char === TRACKED.formatStart) {
      flush();
      state.kind = char === TRACKED.deleteStart ? 'delete' : char === TRACKED.insertStart ? 'insert' : 'format';
      state.change = text.charCodeAt(i + 1) - CHANGE_BASE;
      i += 1;
    } else if (char === TRACKED.paragraphInserted || char === TRACKED.paragraphDeleted) {
      i += 1;
    } else if (char === TRACKED.deleteEnd || char === TRACKED.insertEnd || char === TRACKED.formatEnd) {
      flush();
      state.kind = 'plain';
      state.change = null;
    } else {
      current += char;
    }
  }
  flush();
  return pieces;
}
