import { createHash } from 'node:crypto';
import { NOTE_PROPOSITIONNELLE } from './__fixtures__/note';
import { canonicalMarkdown } from './markdown';
import {
  contentHash,
  markdownParagraphs,
  objectableParagraphIds,
  paragraphLabel,
  paragraphLabels,
  paragraphNumber,
  paragraphUnits,
  replaceParagraphUnits,
  unitConcerned,
} from './paragraphs';

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

describe(paragraphUnits.name, () => {
  const note = markdownParagraphs(NOTE_PROPOSITIONNELLE);
  const units = paragraphUnits(note);

  it('addresses each list item and each table row, numbered § N.k under the block § N', () => {
    expect(units.map((unit) => unit.label)).toEqual([
      '§ 1', '§ 2', '§ 3', '§ 4', '§ 5',
      '§ 6.1', '§ 6.2', '§ 6.3',
      '§ 7', '§ 8',
      '§ 9.1', '§ 9.2', '§ 9.3', '§ 9.4', '§ 9.5',
      '§ 10', '§ 11',
    ]);
    expect(units.find((unit) => unit.label === '§ 6.2')?.markdown).toBe(
      '2. Reconnaître l’*accompagnement social* :\n   1. permanences juridiques ;\n   2. orientation socioprofessionnelle.',
    );
    expect(units.find((unit) => unit.label === '§ 6.1')?.markdown.split('\n')).toHaveLength(3);
    expect(units.find((unit) => unit.label === '§ 9.2')?.markdown.split('\n')).toEqual([
      '| Fédération | Budget 2025 (€) | Remarque |',
      '| :--- | ---: | :---: |',
      '| CAIPS | 95\u00a0000 | *à confirmer* |',
    ]);
  });

  it('keeps the block ids of a version as they are stored, and gives items ids of their own', () => {
    const blockIds = new Set(note.map((paragraph) => paragraph.id));
    for (const unit of units) {
      expect(blockIds.has(unit.blockId)).toBe(true);
      if (unit.label.includes('.')) {
        expect(unit.id).toBe(`p-${paragraphNumber(unit.blockId)! - 1}.${Number(unit.label.split('.')[1]) - 1}-${contentHash(unit.markdown).slice(0, 8)}`);
      } else {
        expect(unit.id).toBe(unit.blockId);
      }
      expect(paragraphLabel(unit.id)).toBe(unit.label);
    }
  });

  it('makes headings and rules labels, not objectable, and names each unit by the heading above it', () => {
    expect(units.filter((unit) => !unit.objectable).map((unit) => unit.label)).toEqual(['§ 1', '§ 2', '§ 5', '§ 8', '§ 10']);
    expect(units.find((unit) => unit.label === '§ 3')?.heading).toBe('1. Contexte');
    expect(units.find((unit) => unit.label === '§ 6.1')?.heading).toBe('2. Propositions');
    expect(units.find((unit) => unit.label === '§ 9.4')?.heading).toBe('Budget demandé par fédération');
    expect(paragraphUnits(markdownParagraphs('Avant tout titre.\n\n## Objet\n\nLe texte.\n')).map((unit) => unit.heading)).toEqual([
      null,
      'Objet',
      'Objet',
    ]);
  });

  it('gives an unchanged item its id in the next version when another item of the list changes', () => {
    const before = paragraphUnits(markdownParagraphs('## Objet\n\n1. Financer.\n2. Reconnaître.\n'));
    const after = paragraphUnits(markdownParagraphs('## Objet\n\n1. Financer.\n2. Reconnaître mieux.\n'));
    expect(after[1].id).toBe(before[1].id);
    expect(after[2].id).not.toBe(before[2].id);
    expect(after[1].blockId).not.toBe(before[1].blockId);
  });

  it('accepts the objectable units and their whole lists and tables, never a heading', () => {
    const ids = objectableParagraphIds(note);
    const heading = note[1].id;
    expect(ids).not.toContain(heading);
    expect(ids).toContain(note[5].id);
    expect(ids).toContain(units.find((unit) => unit.label === '§ 6.1')?.id);
    expect(ids).toContain(note[2].id);
    expect(ids).not.toContain(note[9].id);
  });

  it('says a position on a whole list concerns each of its items', () => {
    const item = units.find((unit) => unit.label === '§ 6.1')!;
    expect(unitConcerned(item, [item.blockId])).toBe(true);
    expect(unitConcerned(item, [item.id])).toBe(true);
    expect(unitConcerned(item, [units.find((unit) => unit.label === '§ 6.2')!.id])).toBe(false);
  });
});

describe(paragraphLabels.name, () => {
  it('labels blocks and items in text order, other ids as given', () => {
    expect(paragraphLabels(['p-5.1-0123abcd', 'x', 'p-5-e1eb19d4', 'p-1-e1eb19d4', 'p-5.0-0123abcd'])).toBe('§ 2, § 6, § 6.1, § 6.2, x');
  });
});

describe(replaceParagraphUnits.name, () => {
  const version = markdownParagraphs('## Objet\n\nLe texte.\n\n1. Financer les modules.\n2. Reconnaître l’accompagnement.\n3. Simplifier.\n\n| Fédération | Budget |\n| --- | --- |\n| ALEAP | 10 |\n| CAIPS | 20 |\n');
  const units = paragraphUnits(version);
  const id = (label: string) => units.find((unit) => unit.label === label)!.id;
  const draft = version.map((paragraph) => paragraph.markdown).join('\n\n') + '\n';

  it('replaces one list item alone, the other items and blocks untouched', () => {
    expect(replaceParagraphUnits(draft, version, [id('§ 3.1')], '1. Financer **tous** les modules.')).toBe(
      '## Objet\n\nLe texte.\n\n1. Financer **tous** les modules.\n2. Reconnaître l’accompagnement.\n3. Simplifier.\n\n| Fédération | Budget |\n| --- | --- |\n| ALEAP | 10 |\n| CAIPS | 20 |\n',
    );
  });

  it('finds an item by its content when items were added above it since, and takes plain text as the item', () => {
    const moved = draft.replace('1. Financer', '1. Nouveau.\n2. Financer').replace('2. Reconnaître', '3. Reconnaître').replace('3. Simplifier', '4. Simplifier');
    expect(replaceParagraphUnits(moved, version, [id('§ 3.2')], 'Reconnaître et financer l’accompagnement.')).toContain(
      '1. Nouveau.\n2. Financer les modules.\n3. Reconnaître et financer l’accompagnement.\n4. Simplifier.',
    );
  });

  it('replaces a table row with the amendment’s rows', () => {
    const result = replaceParagraphUnits(draft, version, [id('§ 4.2')], '| Fédération | Budget |\n| --- | --- |\n| CAIPS | 25 |\n| CODEF | 5 |\n');
    expect(result).toContain('| ALEAP | 10 |\n| CAIPS | 25 |\n| CODEF | 5 |');
    expect(result).not.toContain('| CAIPS | 20 |');
  });

  it('gives the amendment to the first pointed unit in the text and removes the others', () => {
    const result = replaceParagraphUnits(draft, version, [id('§ 4.2'), id('§ 3.3'), id('§ 3.1')], '1. Tout financer.');
    expect(result).toContain('1. Tout financer.\n2. Reconnaître l’accompagnement.\n\n');
    expect(result).not.toContain('Simplifier');
    expect(result).not.toContain('CAIPS');
    expect(result).toContain('| ALEAP | 10 |');
  });

  it('still replaces whole blocks by their stored ids (objections raised before items were addressable)', () => {
    expect(replaceParagraphUnits(draft, version, [version[2].id], '- Une seule proposition.')).toBe(
      '## Objet\n\nLe texte.\n\n- Une seule proposition.\n\n| Fédération | Budget |\n| --- | --- |\n| ALEAP | 10 |\n| CAIPS | 20 |\n',
    );
  });

  it('is null when a pointed unit changed in the draft, when nothing is pointed, or when a row would become text', () => {
    expect(replaceParagraphUnits(draft.replace('Simplifier', 'Alléger'), version, [id('§ 3.3')], 'x')).toBeNull();
    expect(replaceParagraphUnits(draft, version, [], 'x')).toBeNull();
    expect(replaceParagraphUnits(draft, version, [id('§ 4.1')], 'Du texte.')).toBeNull();
  });
});
