import { FEDERATION_SHORT_NAMES, resolveAnchor, yDocToMarkdown, type CommentDto, type FederationSlug, type SuggestionDto } from '@coupole/shared';
import * as Y from 'yjs';

/** One open suggestion as Word shows it: who and when ("Person (Fédération)"), and its card's thread. */
export interface TrackedChange {
  author: string;
  date: Date;
  /** The suggestion's comments, oldest first: a Word comment on the change, the others its replies. */
  comments: TrackedComment[];
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
export const TRACKED = { deleteStart: '\ue000', deleteEnd: '\ue001', insertStart: '\ue002', insertEnd: '\ue003' } as const;
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
    // Resolved first, applied after: inserting markers must not move the others' positions.
    // Paragraph and format suggestions are not written yet (README: what the DOCX shows).
    const wordChanges = suggestions.filter((suggestion) => suggestion.kind !== 'paragraph' && suggestion.kind !== 'format');
    const placed = wordChanges.slice(0, MAX_CHANGES).flatMap((suggestion) => {
      const range = resolveAnchor(doc, suggestion.anchor);
      if (!range || range.current !== suggestion.quote) return [];
      return [{ suggestion, text: range.text, from: Y.createRelativePositionFromTypeIndex(range.text, range.from, -1), length: range.to - range.from }];
    });
    doc.transact(() => {
      for (const { suggestion, text, from, length } of placed) {
        const at = Y.createAbsolutePositionFromRelativePosition(from, doc);
        if (!at) continue;
        const id = String.fromCharCode(CHANGE_BASE + changes.length);
        const comments = (threads.get(suggestion.id) ?? []).map((comment) => ({
          author: trackedAuthor(comment.author, comment.author.federation),
          date: new Date(comment.createdAt),
          body: comment.body,
        }));
        changes.push({ author: trackedAuthor(suggestion.author, suggestion.federation), date: new Date(suggestion.createdAt), comments });
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
    return { markdown: yDocToMarkdown(doc), changes };
  } finally {
    doc.destroy();
  }
}

export type TrackedPiece = { kind: 'plain' | 'insert' | 'delete'; text: string; change: number | null };

/**
 * Cuts one run's text at the markers. `state` carries an open change into the next run of the
 * same paragraph (a bold word inside a deleted passage is a run of its own).
 */
export function splitTracked(text: string, state: { kind: 'plain' | 'insert' | 'delete'; change: number | null }): TrackedPiece[] {
  const pieces: TrackedPiece[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push({ kind: state.kind, text: current, change: state.change });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === TRACKED.deleteStart || char === TRACKED.insertStart) {
      flush();
      state.kind = char === TRACKED.deleteStart ? 'delete' : 'insert';
      state.change = text.charCodeAt(i + 1) - CHANGE_BASE;
      i += 1;
    } else if (char === TRACKED.deleteEnd || char === TRACKED.insertEnd) {
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
