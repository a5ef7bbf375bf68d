import { amendmentChanges, amendmentTextChanges, diffParagraphs, diffWords } from './diff';

describe(diffWords.name, () => {
  it('marks inserted and deleted words, keeping accents and French punctuation whole', () => {
    expect(diffWords(
      'Les ILI demandent une concertation préalable.',
      'Les ILI exigent une concertation réelle et préalable.',
    )).toEqual([
      { op: 'equal', text: 'Les ILI ' },
      { op: 'delete', text: 'demandent' },
      { op: 'insert', text: 'exigent' },
      { op: 'equal', text: ' une concertation ' },
      { op: 'insert', text: 'réelle et ' },
      { op: 'equal', text: 'préalable.' },
    ]);
  });

  it('rebuilds both texts from its parts', () => {
    const from = '« L’intégration est un processus à double sens. »';
    const to = '« L’intégration est un processus réciproque. »';
    const parts = diffWords(from, to);
    expect(parts.filter((part) => part.op !== 'insert').map((part) => part.text).join('')).toBe(from);
    expect(parts.filter((part) => part.op !== 'delete').map((part) => part.text).join('')).toBe(to);
  });

  it('is all equal for identical texts', () => {
    expect(diffWords('Identique.', 'Identique.')).toEqual([{ op: 'equal', text: 'Identique.' }]);
  });
});

describe(diffParagraphs.name, () => {
  it('says which blocks are unchanged, changed, added and removed', () => {
    const from = '# Titre\n\nPremier paragraphe.\n\nParagraphe supprimé.\n\nDernier paragraphe.\n';
    const to = '# Titre\n\nPremier paragraphe modifié.\n\nDernier paragraphe.\n\nAnnexe ajoutée.\n';
    const changes = diffParagraphs(from, to);
    expect(changes.map((change) => change.op)).toEqual(['equal', 'change', 'delete', 'equal', 'insert']);
    const changed = changes[1];
    expect(changed.op === 'change' && changed.parts).toEqual([
      { op: 'equal', text: 'Premier paragraphe' },
      { op: 'insert', text: ' modifié' },
      { op: 'equal', text: '.' },
    ]);
    expect(changes[2]).toMatchObject({ op: 'delete', from: { markdown: 'Paragraphe supprimé.' } });
    expect(changes[4]).toMatchObject({ op: 'insert', to: { markdown: 'Annexe ajoutée.' } });
  });

  it('carries paragraph ids on both sides so the UI can link to them', () => {
    const [change] = diffParagraphs('Texte.\n', 'Texte.\n');
    expect(change).toMatchObject({ op: 'equal', from: { id: expect.stringMatching(/^p-0-/) }, to: { id: expect.stringMatching(/^p-0-/) } });
  });
});

describe(amendmentChanges.name, () => {
  it('marks the words an amendment changes in the list item it replaces', () => {
    const [change] = amendmentChanges(['1. Financer les modules.'], '1. Financer et indexer les modules.');
    expect(change.op).toBe('change');
    expect(change.op === 'change' && change.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual(['et indexer']);
  });

  it('shows the whole amendment as inserted when it replaces nothing known', () => {
    expect(amendmentChanges([], 'Un texte neuf.').map((change) => change.op)).toEqual(['insert']);
  });
});

describe('amendmentTextChanges', () => {
  it('gives the changed words of each block in plain text, with no Markdown left', () => {
    const blocks = amendmentTextChanges(['1. Financer les modules de **français**.'], '1. Financer et indexer les modules de **français**.');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual(['et indexer']);
    expect(blocks[0].map((part) => part.text).join('')).not.toMatch(/\*\*|1\./);
  });

  it('marks a paragraph the amendment adds as inserted whole', () => {
    expect(amendmentTextChanges(['Un.'], 'Un.\n\nDeux *neuf*.')).toEqual([[{ op: 'equal', text: 'Un.' }], [{ op: 'insert', text: 'Deux neuf.' }]]);
  });
});
