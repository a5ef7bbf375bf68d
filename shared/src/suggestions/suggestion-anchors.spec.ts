import fc from 'fast-check';
import * as Y from 'yjs';
import { docFrom, sync, typeInRun } from './__fixtures__/replicas';
import { yDocToMarkdown } from '../editor/ydoc';
import {
  anchorAt,
  anchorHolds,
  applySuggestionToYDoc,
  locateUniqueQuote,
  resolveAnchor,
  runText,
  textRuns,
  type SuggestionAnchor,
} from './suggestion-anchors';

function anchorQuote(doc: Y.Doc, quote: string): SuggestionAnchor {
  const located = locateUniqueQuote(doc, quote);
  if (!located.found) throw new Error(`quote ${quote} not found`);
  return anchorAt(located.location, quote.length);
}

describe('locateUniqueQuote', () => {
  const doc = docFrom('# Titre\n\nLe **décret** de 2018 prévoit.\n\n- un parcours\n- un parcours bis\n');

  it('finds a quote inside one run of text, formatting ignored', () => {
    const located = locateUniqueQuote(doc, 'décret de 2018');
    expect(located.found && runText(located.location.text).slice(located.location.index, located.location.index + 14)).toBe('décret de 2018');
  });

  it('counts occurrences across the whole body, and never across two paragraphs', () => {
    expect(locateUniqueQuote(doc, 'un parcours')).toEqual({ found: false, occurrences: 2 });
    expect(locateUniqueQuote(doc, 'Titre Le')).toEqual({ found: false, occurrences: 0 });
    expect(locateUniqueQuote(doc, '')).toEqual({ found: false, occurrences: 0 });
  });
});

describe('anchors across edits', () => {
  it('stays on the quote while words are typed just before and just after it', () => {
    const doc = docFrom('Le décret de 2018 prévoit.');
    const anchor = anchorQuote(doc, 'décret');
    const [text] = textRuns(doc);
    text.insert(9, ' wallon');
    text.insert(3, 'nouveau ');
    expect(resolveAnchor(doc, anchor)?.current).toBe('décret');
    expect(anchorHolds(doc, anchor, 'décret')).toBe(true);
  });

  it('no longer holds once the quoted words are deleted or changed, and nothing is applied then', () => {
    const doc = docFrom('Le décret de 2018 prévoit.');
    const anchor = anchorQuote(doc, 'décret de');
    const [text] = textRuns(doc);
    text.delete(3, 6);
    expect(anchorHolds(doc, anchor, 'décret de')).toBe(false);
    expect(applySuggestionToYDoc(doc, anchor, 'décret de', 'x')).toBe(false);
    expect(yDocToMarkdown(doc)).toBe('Le  de 2018 prévoit.\n');
  });

  it('no longer holds once its paragraph is deleted', () => {
    const doc = docFrom('Premier.\n\nLe décret de 2018.');
    const anchor = anchorQuote(doc, 'décret');
    doc.getXmlFragment('default').delete(1, 1);
    expect(resolveAnchor(doc, anchor)).toBeNull();
  });
});

describe('applySuggestionToYDoc', () => {
  it('accepting is exactly the suggested edit: replacement, deletion, insertion', () => {
    const doc = docFrom('Le décret de 2018 prévoit un parcours.\n\nSecond paragraphe.');
    expect(applySuggestionToYDoc(doc, anchorQuote(doc, '2018'), '2018', '2025')).toBe(true);
    expect(applySuggestionToYDoc(doc, anchorQuote(doc, ' un parcours'), ' un parcours', '')).toBe(true);
    const at = locateUniqueQuote(doc, 'Second');
    if (!at.found) throw new Error('not found');
    expect(applySuggestionToYDoc(doc, anchorAt({ text: at.location.text, index: 0 }, 0), '', 'Un ')).toBe(true);
    expect(yDocToMarkdown(doc)).toBe('Le décret de 2025 prévoit.\n\nUn Second paragraphe.\n');
  });

  it('keeps the formatting of the quote on its replacement', () => {
    const doc = docFrom('Le **décret** de 2018.');
    applySuggestionToYDoc(doc, anchorQuote(doc, 'décret'), 'décret', 'arrêté');
    expect(yDocToMarkdown(doc)).toBe('Le **arrêté** de 2018.\n');
  });
});

describe('an open suggestion under random concurrent edits (property)', () => {
  type Edit = { replica: 0 | 1; at: number; deleteCount: number; insert: string };
  const edit = fc.record({
    replica: fc.constantFrom<0 | 1>(0, 1),
    at: fc.nat({ max: 80 }),
    deleteCount: fc.nat({ max: 6 }),
    insert: fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', 'x'), maxLength: 4 }),
  });

  function applyEdit(doc: Y.Doc, { at, deleteCount, insert }: Edit): void {
    typeInRun(doc, { at, deleteCount, insert });
  }

  it('either still resolves to exactly its quote, or is seen as orphaned (never a misplaced quote)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (rounds, acceptAtEnd) => {
        const markdown = 'Les ILI accompagnent les personnes.\n\nLe décret de 2018 prévoit un parcours.\n';
        const replicas = [docFrom(markdown, 1), docFrom(markdown, 2)];
        const quote = 'décret de 2018';
        const anchor = anchorQuote(replicas[0], quote);
        for (const round of rounds) {
          // Edits made concurrently on both replicas, then exchanged.
          for (const step of round) applyEdit(replicas[step.replica], step);
          sync(replicas[0], replicas[1]);
          for (const doc of replicas) {
            const range = resolveAnchor(doc, anchor);
            const holds = anchorHolds(doc, anchor, quote);
            // Open ⇔ the anchored characters are exactly the quote; otherwise it is orphaned.
            if (holds) expect(range?.current).toBe(quote);
            else expect(range === null || range.current !== quote).toBe(true);
          }
          expect(anchorHolds(replicas[0], anchor, quote)).toBe(anchorHolds(replicas[1], anchor, quote));
        }
        if (acceptAtEnd && anchorHolds(replicas[0], anchor, quote)) {
          const range = resolveAnchor(replicas[0], anchor);
          if (!range) throw new Error('unreachable');
          const before = runText(range.text);
          expect(applySuggestionToYDoc(replicas[0], anchor, quote, 'décret de 2025')).toBe(true);
          expect(runText(range.text)).toBe(before.slice(0, range.from) + 'décret de 2025' + before.slice(range.to));
        }
      }),
      { numRuns: 300 },
    );
  });
});
