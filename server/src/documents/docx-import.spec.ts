import { AlignmentType, Document as DocxDocument, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importDocx, looksLikeDocx } from './docx-import';

async function sampleDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const file = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Réforme du parcours d’intégration', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            children: [new TextRun('Les ILI demandent '), new TextRun({ text: 'un financement', bold: true }), new TextRun(' pluriannuel.')],
          }),
          new Paragraph({ text: 'Moyens', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'des cours de français langue étrangère', bullet: { level: 0 } }),
          new Paragraph({ text: 'une formation à la citoyenneté', bullet: { level: 0 } }),
          new Table({ rows: [new TableRow({ children: [cell('Fédération'), cell('ILI')] }), new TableRow({ children: [cell('CAIPS'), cell('42')] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

describe('importDocx', () => {
  it('turns headings, bold text, bullet lists and tables into canonical Markdown', async () => {
    const { markdown, heading } = await importDocx(await sampleDocx());

    expect(heading).toBe('Réforme du parcours d’intégration');
    expect(markdown).toContain('# Réforme du parcours d’intégration');
    expect(markdown).toContain('Les ILI demandent **un financement** pluriannuel.');
    expect(markdown).toContain('## Moyens');
    expect(markdown).toMatch(/^- des cours de français langue étrangère$/m);
    expect(markdown).toMatch(/^- une formation à la citoyenneté$/m);
    expect(markdown).toMatch(/\|\s*Fédération\s*\|\s*ILI\s*\|/);
    expect(markdown).toMatch(/\|\s*CAIPS\s*\|\s*42\s*\|/);
  });

  it('takes the Word "Title" paragraph as the title and leaves it out of the body; keeps underline and strikethrough', async () => {
    const file = new DocxDocument({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Note au Ministre sur les listes d’attente', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Contexte', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Les ILI constatent des listes d’attente.'),
            new Paragraph({ children: [new TextRun('Un délai '), new TextRun({ text: 'raisonnable', underline: {} }), new TextRun(' de '), new TextRun({ text: 'trente', strike: true }), new TextRun(' jours.')] }),
          ],
        },
      ],
    });
    const { markdown, heading } = await importDocx(await Packer.toBuffer(file));

    expect(heading).toBe('Note au Ministre sur les listes d’attente');
    expect(markdown).not.toContain('Note au Ministre');
    expect(markdown.startsWith('# Contexte\n')).toBe(true);
    expect(markdown).toContain('Les ILI constatent des listes d’attente.');
    expect(markdown).toContain('Un délai ++raisonnable++ de ~~trente~~ jours.');
  });

  it('rejects a file that is not a Word document', async () => {
    await expect(importDocx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow();
  });

  it('recognises a .docx by its name and zip signature', async () => {
    const buffer = await sampleDocx();
    expect(looksLikeDocx('note.docx', buffer)).toBe(true);
    expect(looksLikeDocx('NOTE.DOCX', buffer)).toBe(true);
    expect(looksLikeDocx('note.pdf', buffer)).toBe(false);
    expect(looksLikeDocx('note.docx', Buffer.from('%PDF-1.7'))).toBe(false);
  });
});
