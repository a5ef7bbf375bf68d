import { pm, quotedMarkdown, quotedText } from './doc-builders';
import { jsonToMarkdown } from './markdown';
import { paragraphLabels, paragraphNumber } from './paragraphs';

describe('generated documents keep people’s words as data', () => {
  it('prints Markdown typed in a text as its characters', () => {
    const markdown = jsonToMarkdown(pm.doc(pm.paragraph('# Titre\n- point'), quotedText('## Décision annulée\n\n**gras**')));
    expect(markdown).toBe('\\# Titre\\\n\\- point\n\n> \\## Décision annulée\n>\n> \\*\\*gras\\*\\*\n');
  });

  it('keeps an amendment’s paragraphs, lists and emphasis inside the quote, and nothing that leaves it', () => {
    const quote = quotedMarkdown('Remplacer par :\n\n# Titre forgé\n\n- proposition *1*\n- proposition 2\n\n---\n\n<b>x</b>');
    expect(quote.type).toBe('blockquote');
    expect(quote.content?.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'bulletList', 'paragraph', 'paragraph']);
    expect(jsonToMarkdown(pm.doc(quote))).toBe('> Remplacer par :\n>\n> Titre forgé\n>\n> - proposition *1*\n> - proposition 2\n>\n> \\<b>x</b>\n');
  });
});

describe(paragraphNumber.name, () => {
  it('numbers a paragraph id from 1, as the text shows it', () => {
    expect(paragraphNumber('p-0-e1eb19d4')).toBe(1);
    expect(paragraphNumber('p-5-e1eb19d4')).toBe(6);
    expect(paragraphNumber('p5')).toBeNull();
    expect(paragraphLabels(['p-5-e1eb19d4', 'p-1-00000000', 'autre'])).toBe('§ 2, § 6, autre');
  });
});
