import { NOTE_PROPOSITIONNELLE } from './__fixtures__/note';
import {
  canonicalMarkdown,
  docToMarkdown,
  jsonToMarkdown,
  markdownToDoc,
  markdownToJSON,
  type ProseMirrorJSON,
} from './markdown';

function roundTrip(markdown: string): string {
  return docToMarkdown(markdownToDoc(markdown));
}

describe('canonical Markdown', () => {
  it('is a fixed point after one pass on a full note propositionnelle', () => {
    const once = roundTrip(NOTE_PROPOSITIONNELLE);
    expect(roundTrip(once)).toBe(once);
  });

  it('keeps the note propositionnelle byte for byte, except autolinks written out', () => {
    expect(roundTrip(NOTE_PROPOSITIONNELLE)).toBe(
      NOTE_PROPOSITIONNELLE.replace('<https://www.coupole.be>', '[https://www.coupole.be](https://www.coupole.be)'),
    );
  });

  it('keeps accents, guillemets, typographic apostrophes and (narrow) non-breaking spaces', () => {
    const text = 'L’ILI « Cap\u00a0Intégration » accueille 35\u202f% de primo\u2011arrivant·e·s\u00a0: ça marche\u00a0!\n';
    expect(roundTrip(text)).toBe(text);
  });

  it('writes - bullets, *emphasis*, **strong**, ATX headings and --- rules', () => {
    const input = 'Titre\n=====\n\n* un\n+ deux\n\n_italique_ et __gras__\n\n***\n';
    expect(roundTrip(input)).toBe('# Titre\n\n- un\n\n* deux\n\n*italique* et **gras**\n\n---\n');
  });

  it('nests bullet and ordered lists, keeping the start number', () => {
    const input = '3. trois\n4. quatre\n   - sous-point\n     1. détail\n';
    expect(roundTrip(input)).toBe(input);
    expect(markdownToJSON(input).content?.[0]?.attrs?.start).toBe(3);
  });

  it('keeps two adjacent lists apart with a different marker', () => {
    const json = {
      type: 'doc',
      content: ['a', 'b'].map((text) => ({
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }],
      })),
    };
    const markdown = jsonToMarkdown(json);
    expect(markdown).toBe('- a\n\n* b\n');
    expect(markdownToJSON(markdown).content).toHaveLength(2);
  });

  it('writes a table with a header row as a GFM pipe table, keeping marks, alignment and escaped pipes', () => {
    const input = '| Fédération | Budget |\n| --- | ---: |\n| **ALEAP** | *120\u00a0000* € \\| brut |\n';
    const doc = markdownToDoc(input);
    const table = doc.child(0);
    expect(table.type.name).toBe('table');
    expect(table.child(0).child(0).type.name).toBe('tableHeader');
    expect(table.child(1).child(1).attrs.align).toBe('right');
    expect(table.child(1).child(1).textContent).toBe('120\u00a0000 € | brut');
    expect(table.child(1).child(0).firstChild?.firstChild?.marks.map((mark) => mark.type.name)).toEqual(['bold']);
    expect(docToMarkdown(doc)).toBe(input);
  });

  it('flattens what a pipe table cannot hold: several paragraphs and breaks in a cell become one line', () => {
    const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const cell = (type: string, ...content: ProseMirrorJSON[]): ProseMirrorJSON => ({ type, content });
    const json = {
      type: 'doc',
      content: [{
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableCell', paragraph('A')), cell('tableCell', paragraph('B'))] },
          {
            type: 'tableRow',
            content: [
              cell('tableCell', paragraph('un'), paragraph('deux')),
              cell('tableCell', { type: 'paragraph', content: [{ type: 'text', text: 'x|y' }, { type: 'hardBreak' }, { type: 'text', text: 'z' }] }),
            ],
          },
        ],
      }],
    };
    expect(jsonToMarkdown(json)).toBe('| A | B |\n| --- | --- |\n| un deux | x\\|y z |\n');
  });

  it('reads links with their title and refuses unsafe protocols', () => {
    const json = markdownToJSON('[AGW](https://www.wallonie.be "Arrêté") et [piège](javascript:alert(1))\n');
    const paragraph = json.content?.[0]?.content ?? [];
    expect(paragraph[0]?.marks?.[0]).toMatchObject({ type: 'link', attrs: { href: 'https://www.wallonie.be', title: 'Arrêté' } });
    expect(paragraph.some((node) => node.marks?.some((mark) => mark.attrs?.href?.toString().startsWith('javascript')))).toBe(false);
    expect(canonicalMarkdown('[piège](javascript:alert(1))')).toBe('\\[piège\\](javascript:alert(1))\n');
  });

  it('reads deeper headings as level 3, the deepest the editor offers', () => {
    expect(markdownToJSON('#### Annexe\n').content?.[0]?.attrs?.level).toBe(3);
  });

  it('reads code and HTML as plain text and an image as a link, instead of dropping them', () => {
    const canonical = '\\`code\\` \\![logo](https://x/y.png) \\<b>gras</b>\n';
    expect(canonicalMarkdown('`code` ![logo](https://x/y.png) <b>gras</b>\n')).toBe(canonical);
    expect(markdownToDoc(canonical).textContent).toBe('`code` !logo <b>gras</b>');
    expect(roundTrip(canonical)).toBe(canonical);
  });

  it('escapes text that would read back as markup', () => {
    const texts = ['1) Objectifs', '- pas une liste', '# pas un titre', '&eacute; reste tel quel', '<https://pas-un-lien>', 'a * b _ c', '++pas souligné++', '~~pas barré~~', 'C++ et C++'];
    for (const text of texts) {
      const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
      expect(markdownToDoc(jsonToMarkdown(json)).textContent).toBe(text);
    }
  });

  it('writes underline as ++text++ and strikethrough as ~~text~~, and reads them back', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Le ' },
            { type: 'text', text: 'délai', marks: [{ type: 'underline' }] },
            { type: 'text', text: ' de ' },
            { type: 'text', text: 'trente', marks: [{ type: 'strike' }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'soixante jours', marks: [{ type: 'bold' }, { type: 'underline' }] },
          ],
        },
      ],
    };
    const markdown = jsonToMarkdown(json);
    expect(markdown).toBe('Le ++délai++ de ~~trente~~ **++soixante jours++**\n');
    expect(markdownToJSON(markdown)).toEqual(json);
  });

  it('escapes a line start after a hard break', () => {
    const json = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Liste :' }, { type: 'hardBreak' }, { type: 'text', text: '- a' }] }],
    };
    const markdown = jsonToMarkdown(json);
    expect(markdownToJSON(markdown)).toEqual(json);
  });

  it('drops whitespace Markdown cannot carry, so the output is already canonical', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '  début ' }, { type: 'text', text: 'gras\u00a0', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Deux' }, { type: 'hardBreak' }, { type: 'text', text: 'lignes' }] },
      ],
    };
    const markdown = jsonToMarkdown(json);
    expect(markdown).toBe('début **gras**\n\n## Deux lignes\n');
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it('ends with exactly one newline, and an empty document is the empty string', () => {
    expect(canonicalMarkdown('Texte   \n\n\n\n')).toBe('Texte\n');
    expect(canonicalMarkdown('')).toBe('');
    expect(markdownToDoc('').childCount).toBe(1);
  });

  it('round-trips through ProseMirror JSON', () => {
    const once = canonicalMarkdown(NOTE_PROPOSITIONNELLE);
    expect(jsonToMarkdown(markdownToJSON(once))).toBe(once);
  });
});
