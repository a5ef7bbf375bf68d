import * as Y from 'yjs';
import { markdownToYUpdate, yDocToMarkdown } from '../editor/ydoc';
import { markdownParagraphs } from '../editor/paragraphs';
import { amendmentAccepted, amendmentEdits, amendmentFullyAsSuggestions } from './amendment-suggestions';
import { anchorAt, applySuggestionToYDoc } from './suggestion-anchors';

function docFrom(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate(markdown));
  return doc;
}

const VERSION = '# Note\n\nLe décret de 2018 prévoit un parcours.\n\nLes ILI donnent des cours de français.\n';
const [, P2, P3] = markdownParagraphs(VERSION).map((paragraph) => paragraph.id);

describe('amendmentEdits', () => {
  it('turns a changed paragraph into one change per group of changed words, anchored on the version', () => {
    const doc = docFrom(VERSION);
    const result = amendmentEdits(doc, markdownParagraphs(VERSION), [P2], 'Le décret de 2025 prévoit un parcours gratuit.');
    expect(result?.unanchored).toEqual([]);
    expect(result?.edits.map(({ quote, replacement }) => [quote, replacement])).toEqual([
      ['2018', '2025'],
      ['', ' gratuit'],
    ]);
  });

  it('joins changed words separated by a space into one replacement', () => {
    const doc = docFrom(VERSION);
    const result = amendmentEdits(doc, markdownParagraphs(VERSION), [P3], 'Les ILI organisent les cours de français.');
    expect(result?.edits.map(({ quote, replacement }) => [quote, replacement])).toEqual([['donnent des', 'organisent les']]);
  });

  it('applied one by one through their anchors, gives the amended text', () => {
    const doc = docFrom(VERSION);
    const amendment = 'Le décret de 2025 prévoit un parcours gratuit pour tous.';
    const { edits } = amendmentEdits(doc, markdownParagraphs(VERSION), [P2], amendment)!;
    const anchored = edits.map((edit) => ({ ...edit, anchor: anchorAt(edit.location, edit.quote.length) }));
    for (const edit of anchored) expect(applySuggestionToYDoc(doc, edit.anchor, edit.quote, edit.replacement)).toBe(true);
    expect(yDocToMarkdown(doc)).toContain(amendment);
  });

  it('deletes a removed paragraph whole and reports an added one as unanchored', () => {
    const doc = docFrom(VERSION);
    const removed = amendmentEdits(doc, markdownParagraphs(VERSION), [P2, P3], 'Les ILI donnent des cours de français.');
    expect(removed?.edits.map(({ quote, replacement }) => [quote, replacement])).toEqual([['Le décret de 2018 prévoit un parcours.', '']]);
    const added = amendmentEdits(doc, markdownParagraphs(VERSION), [P3], 'Les ILI donnent des cours de français.\n\nEt de citoyenneté.');
    expect(added).toEqual({ edits: [], unanchored: ['Et de citoyenneté.'] });
  });

  it('is null when the ids name nothing', () => {
    expect(amendmentEdits(docFrom(VERSION), markdownParagraphs(VERSION), ['p9'], 'x')).toBeNull();
  });
});

describe('amendmentAccepted', () => {
  it('holds once every current suggestion of the amendment is accepted', () => {
    expect(amendmentAccepted(['accepted', 'accepted'])).toBe(true);
    expect(amendmentAccepted(['withdrawn', 'accepted'])).toBe(true);
  });

  it('does not hold with one open, refused or orphaned, nor with none accepted', () => {
    expect(amendmentAccepted(['accepted', 'open'])).toBe(false);
    expect(amendmentAccepted(['accepted', 'rejected'])).toBe(false);
    expect(amendmentAccepted(['accepted', 'orphaned'])).toBe(false);
    expect(amendmentAccepted(['withdrawn'])).toBe(false);
    expect(amendmentAccepted([])).toBe(false);
  });
});

describe('amendmentEdits, trimmed', () => {
  it('leaves out what the quote and its replacement share (a space the word diff kept on both sides)', () => {
    const version = 'Les ILI demandent des moyens stables pour leurs cours.\n';
    const doc = docFrom(version);
    const result = amendmentEdits(doc, markdownParagraphs(version), [markdownParagraphs(version)[0].id], 'Les ILI demandent des moyens garantis sur cinq ans pour leurs cours.');
    expect(result?.edits.map(({ quote, replacement }) => [quote, replacement])).toEqual([['stables', 'garantis sur cinq ans']]);
  });
});

describe('amendmentFullyAsSuggestions', () => {
  it('holds when the amendment only changes words', () => {
    expect(amendmentFullyAsSuggestions(docFrom(VERSION), markdownParagraphs(VERSION), [P2], 'Le décret de 2025 prévoit un parcours gratuit.')).toBe(true);
  });

  it('does not hold when the amendment changes formatting or adds a paragraph', () => {
    expect(amendmentFullyAsSuggestions(docFrom(VERSION), markdownParagraphs(VERSION), [P2], 'Le décret de **2018** prévoit un parcours.')).toBe(false);
    expect(amendmentFullyAsSuggestions(docFrom(VERSION), markdownParagraphs(VERSION), [P2], 'Le décret de 2018 prévoit un parcours.\n\nUn paragraphe de plus.')).toBe(false);
  });

  it('does not hold when the amendment cannot replace those paragraphs, and leaves the version untouched', () => {
    const doc = docFrom(VERSION);
    expect(amendmentFullyAsSuggestions(doc, markdownParagraphs(VERSION), ['nope'], 'x')).toBe(false);
    amendmentFullyAsSuggestions(doc, markdownParagraphs(VERSION), [P2], 'Le décret de 2025 prévoit un parcours.');
    expect(yDocToMarkdown(doc)).toBe(VERSION);
  });
});
