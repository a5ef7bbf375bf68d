import { createHash } from 'node:crypto';
import { NOTE_PROPOSITIONNELLE } from './__fixtures__/note';
import { canonicalMarkdown } from './markdown';
import { contentHash, markdownParagraphs } from './paragraphs';

describe(contentHash.name, () => {
  it('is the SHA-256 hex of the UTF-8 bytes', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const french = '« Parcours d’intégration »\u00a0: réforme 2025\n';
    expect(contentHash(french)).toBe(createHash('sha256').update(french, 'utf8').digest('hex'));
  });
});

describe(markdownParagraphs.name, () => {
  it('splits a note into its top-level blocks with canonical Markdown each', () => {
    const paragraphs = markdownParagraphs(NOTE_PROPOSITIONNELLE);
    expect(paragraphs.map((paragraph) => paragraph.markdown.split('\n')[0])).toEqual([
      '# Note propositionnelle — réforme 2025 du *Parcours d’intégration*',
      '## 1. Contexte',
      expect.stringMatching(/^La Coupole rassemble/),
      expect.stringMatching(/^Les ILI demandent/),
      '## 2. Propositions',
      '1. Financer les modules **FLE** à hauteur des besoins :',
      '> « L’intégration est un processus à double sens. »',
      '### Budget demandé par fédération',
      '| Fédération | Budget 2025 (€) | Remarque |',
      '---',
      expect.stringMatching(/^Contact/),
    ]);
    expect(paragraphs.map((paragraph) => paragraph.markdown).join('\n\n') + '\n').toBe(
      canonicalMarkdown(NOTE_PROPOSITIONNELLE),
    );
  });

  it('gives ids made of the index and the block hash, stable for a version', () => {
    const paragraphs = markdownParagraphs(NOTE_PROPOSITIONNELLE);
    expect(markdownParagraphs(canonicalMarkdown(NOTE_PROPOSITIONNELLE))).toEqual(paragraphs);
    paragraphs.forEach((paragraph, index) => {
      expect(paragraph.id).toBe(`p-${index}-${contentHash(paragraph.markdown).slice(0, 8)}`);
    });
  });

  it('gives distinct ids to repeated blocks and keeps the id of an unchanged block in place', () => {
    const before = markdownParagraphs('Considérant.\n\nConsidérant.\n\nArticle 1.\n');
    expect(new Set(before.map((paragraph) => paragraph.id)).size).toBe(3);
    const after = markdownParagraphs('Considérant.\n\nConsidérant, amendé.\n\nArticle 1.\n');
    expect(after[0].id).toBe(before[0].id);
    expect(after[1].id).not.toBe(before[1].id);
    expect(after[2].id).toBe(before[2].id);
  });

  it('has no blocks for an empty body', () => {
    expect(markdownParagraphs('')).toEqual([]);
  });
});
