import { diffArrays, diffWordsWithSpace } from 'diff';
import * as Y from 'yjs';
import { markdownToYDoc, yDocToMarkdown } from '../editor/ydoc';
import { replaceParagraphUnits, type Paragraph } from '../editor/paragraphs';
import { anchorAt, applySuggestionToYDoc, runText, textRuns, type TextLocation } from './suggestion-anchors';
import type { SuggestionStatus } from './suggestions';

/** One change of an amendment, as a suggestion against the frozen version's text. */
export interface AmendmentEdit {
  location: TextLocation;
  quote: string;
  replacement: string;
}

/** What an amendment becomes as suggestions, and what of it cannot be one. */
export interface AmendmentEdits {
  edits: AmendmentEdit[];
  /** Blocks the amendment adds or changes in structure (no run of the version to anchor them on). */
  unanchored: string[];
}

/**
 * An objection's amendment (Markdown replacing the version's units `ids`) as text changes of the
 * version's own Yjs runs, so each can be anchored there with relative positions and followed into
 * the draft, which descends from the version. Runs are aligned on their text; a changed run gives
 * one change per group of changed words (words separated only by spaces form one group); a
 * removed run is deleted whole. Null when the amendment cannot stand in place of those units.
 */
export function amendmentEdits(versionDoc: Y.Doc, versionParagraphs: readonly Paragraph[], ids: readonly string[], amendment: string): AmendmentEdits | null {
  const amended = replaceParagraphUnits(yDocToMarkdown(versionDoc), versionParagraphs, ids, amendment);
  if (amended === null) return null;
  const target = markdownToYDoc(amended);
  try {
    const from = textRuns(versionDoc);
    const fromTexts = from.map(runText);
    const toTexts = textRuns(target).map(runText);
    const edits: AmendmentEdit[] = [];
    const unanchored: string[] = [];
    let fromIndex = 0;
    let removed: number[] = [];
    let added: string[] = [];
    const flush = () => {
      const paired = Math.min(removed.length, added.length);
      for (let i = 0; i < paired; i++) edits.push(...runEdits(from[removed[i]], fromTexts[removed[i]], added[i]));
      for (const index of removed.slice(paired)) {
        if (fromTexts[index] !== '') edits.push({ location: { text: from[index], index: 0 }, quote: fromTexts[index], replacement: '' });
      }
      unanchored.push(...added.slice(paired).filter((text) => text !== ''));
      removed = [];
      added = [];
    };
    for (const part of diffArrays(fromTexts, toTexts)) {
      const count = part.count ?? part.value.length;
      if (part.removed) {
        for (let i = 0; i < count; i++) removed.push(fromIndex + i);
        fromIndex += count;
      } else if (part.added) {
        added.push(...part.value);
      } else {
        flush();
        fromIndex += count;
      }
    }
    flush();
    return { edits, unanchored };
  } finally {
    target.destroy();
  }
}

/** The word changes turning one run's text into `to`, spaces between two changed words joined into one change. */
function runEdits(text: Y.XmlText, from: string, to: string): AmendmentEdit[] {
  const edits: AmendmentEdit[] = [];
  let offset = 0;
  let current: { index: number; quote: string; replacement: string } | null = null;
  let gap = '';
  const close = () => {
    if (current && current.quote !== current.replacement) {
      // The word diff may keep a shared space on both sides: it is not part of the change.
      const { quote, replacement } = current;
      let head = 0;
      while (head < quote.length && head < replacement.length && quote[head] === replacement[head] && /\s/u.test(quote[head])) head++;
      let tail = 0;
      while (tail < quote.length - head && tail < replacement.length - head && quote[quote.length - 1 - tail] === replacement[replacement.length - 1 - tail] && /\s/u.test(quote[quote.length - 1 - tail])) tail++;
      edits.push({ location: { text, index: current.index + head }, quote: quote.slice(head, quote.length - tail), replacement: replacement.slice(head, replacement.length - tail) });
    }
    current = null;
    gap = '';
  };
  for (const part of diffWordsWithSpace(from, to)) {
    if (!part.added && !part.removed) {
      if (current && /^\s+$/u.test(part.value) && gap === '') {
        gap = part.value;
      } else {
        close();
      }
      offset += part.value.length;
      continue;
    }
    if (!current) current = { index: offset, quote: '', replacement: '' };
    else if (gap) {
      current.quote += gap;
      current.replacement += gap;
      gap = '';
    }
    if (part.removed) {
      current.quote += part.value;
      offset += part.value.length;
    } else {
      current.replacement += part.value;
    }
  }
  close();
  return edits;
}

/**
 * Whether the drafters took an objection's amendment through its suggestions: every current one
 * accepted (withdrawn ones belong to an earlier wording of the amendment; one refused, open or
 * orphaned means the text did not take the amendment as proposed).
 */
export function amendmentAccepted(statuses: readonly SuggestionStatus[]): boolean {
  return statuses.length > 0 && statuses.every((status) => status === 'accepted' || status === 'withdrawn') && statuses.includes('accepted');
}

/**
 * Whether accepting the amendment's suggestions gives exactly the amended text. Suggestions carry
 * words only: an amendment that also adds blocks or changes formatting (bold, a list) does not,
 * and is then taken into the draft whole instead.
 */
export function amendmentFullyAsSuggestions(versionDoc: Y.Doc, versionParagraphs: readonly Paragraph[], ids: readonly string[], amendment: string): boolean {
  const amended = replaceParagraphUnits(yDocToMarkdown(versionDoc), versionParagraphs, ids, amendment);
  if (amended === null) return false;
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(versionDoc));
    const result = amendmentEdits(copy, versionParagraphs, ids, amendment);
    if (!result || result.unanchored.length > 0) return false;
    const anchored = result.edits.map((edit) => ({ ...edit, anchor: anchorAt(edit.location, edit.quote.length) }));
    if (!anchored.every((edit) => applySuggestionToYDoc(copy, edit.anchor, edit.quote, edit.replacement))) return false;
    return yDocToMarkdown(copy) === yDocToMarkdown(markdownToYDoc(amended));
  } finally {
    copy.destroy();
  }
}
