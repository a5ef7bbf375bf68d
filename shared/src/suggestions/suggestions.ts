import type { DocumentPermissions } from '../domain/document-access';
import type { UserRefDto } from '../domain/documents';
import type { SuggestionFormat } from './suggestion-format';

/**
 * `paragraph`: the quote or the replacement crosses a paragraph break (written "\n\n": a new
 * paragraph, a split, a join). `format`: the quoted text's formatting changes, not its words.
 */
export const SUGGESTION_KINDS = ['insert', 'delete', 'replace', 'paragraph', 'format'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn', 'orphaned'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Longest quote or replacement a suggestion carries (a few paragraphs). */
export const MAX_SUGGESTION_TEXT_LENGTH = 5_000;

/** A proposed change of a document's body, kept beside the Yjs text until someone decides (DESIGN §10). */
export interface SuggestionDto {
  id: string;
  documentId: string;
  author: UserRefDto;
  /** The author's federation slug (null for the secretariat). */
  federation: string | null;
  kind: SuggestionKind;
  /** The text the suggestion replaces or deletes ("" for an insertion), as it was when suggested. */
  quote: string;
  /** What replaces the quote ("" for a deletion; the quote itself for a format change). */
  replacement: string;
  /** For a `format` suggestion: the formatting it applies to the quote; null otherwise. */
  format: SuggestionFormat | null;
  status: SuggestionStatus;
  /** Yjs relative positions (base64) of the quote's first character and of the end of it. */
  anchor: { start: string; end: string };
  objectionId?: string | null;
  /** Set when the suggestion is (part of) a reservation's amendment: proposed, never blocking. */
  reservationId?: string | null;
  /** For an objection's amendment: the frozen paragraph's text it was written on. */
  versionText?: string | null;
  /**
   * For an orphaned amendment suggestion: the draft's paragraph where it stood, as it reads now
   * (null when that paragraph was rewritten whole), to compare with `versionText`.
   */
  draftText?: string | null;
  createdAt: string;
  decidedBy?: UserRefDto | null;
  decidedAt?: string | null;
  /** How many comments its thread holds (GET /api/suggestions/:id/comments). */
  commentCount: number;
}

/** What each caller may do with one suggestion (the client shows its buttons from it). */
export interface SuggestionActions {
  accept: boolean;
  reject: boolean;
  withdraw: boolean;
}

/** What separates two paragraphs in a quote or a replacement (Markdown's blank line). */
export const PARAGRAPH_BREAK = '\n\n';

/**
 * `paragraph` when the quote or the replacement crosses a paragraph break; otherwise insertion
 * when nothing is quoted, deletion when nothing replaces, replacement; null when both are empty
 * or equal. (A `format` suggestion says so with its format, not with its text.)
 */
export function suggestionKind(quote: string, replacement: string): SuggestionKind | null {
  if (quote === replacement) return null;
  if (quote.includes(PARAGRAPH_BREAK) || replacement.includes(PARAGRAPH_BREAK)) return 'paragraph';
  if (quote === '') return 'insert';
  if (replacement === '') return 'delete';
  return 'replace';
}

/** Anyone who may edit the body may suggest a change of it (representatives, the secretariat; never observers). */
export function canSuggest(permissions: DocumentPermissions): boolean {
  return permissions.edit;
}

/**
 * DESIGN §10: an editor accepts or refuses (the body must still be editable), the author withdraws.
 * Only an open suggestion can be acted on.
 */
export function suggestionActions(
  user: { id: string },
  permissions: DocumentPermissions,
  suggestion: { authorId: string; status: SuggestionStatus },
): SuggestionActions {
  const open = suggestion.status === 'open';
  return {
    accept: open && permissions.edit,
    reject: open && permissions.edit,
    withdraw: open && suggestion.authorId === user.id && permissions.read,
  };
}

export type QuoteSearch = { found: true; index: number } | { found: false; reason: 'empty' | 'not_found' | 'ambiguous' };

/** Where `quote` occurs in `text`: it must occur exactly once (overlapping occurrences count). */
export function findUniqueOccurrence(text: string, quote: string): QuoteSearch {
  if (quote === '') return { found: false, reason: 'empty' };
  const first = text.indexOf(quote);
  if (first < 0) return { found: false, reason: 'not_found' };
  if (text.indexOf(quote, first + 1) >= 0) return { found: false, reason: 'ambiguous' };
  return { found: true, index: first };
}

/** The text once the suggestion is applied at `index` (where the quote stands). */
export function applySuggestionToText(text: string, index: number, quote: string, replacement: string): string {
  if (text.slice(index, index + quote.length) !== quote) throw new Error('the quote is not at this index');
  return text.slice(0, index) + replacement + text.slice(index + quote.length);
}

/** A line break that is not a paragraph break ("\n" alone, or three in a row): text has none. */
export function hasStrayLineBreak(text: string): boolean {
  return text.split(PARAGRAPH_BREAK).some((part) => part.includes('\n') || part.includes('\r'));
}
