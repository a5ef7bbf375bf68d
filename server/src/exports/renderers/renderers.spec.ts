import { pm } from '@coupole/shared';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { contentDisposition, COUPOLE_FEDERATIONS_LINE, COUPOLE_HEADING, ExportContent, exportFileName, frenchDate } from '../export-content';
import { renderDocx } from './docx.renderer';
import { renderMarkdown } from './markdown.renderer';
import { renderPdf } from './pdf.renderer';

const BODY = [
  '## Contexte',
  '',
  'Les ILI accompagnent l’intégration des **primo-arrivant·e·s** en *Wallonie* — voir [le décret](https://wallex.wallonie.be).',
  '',
  '- Cours de français',
  '- Formation à la citoyenneté',
  '  1. module un',
  '  2. module deux',
  '',
  '> Cœur du mémorandum : « déjà » 5 €',
  '',
  '| Fédération | Avis |',
  '| --- | --- |',
  '| CAIPS | D’accord |',
  '| Risome | Objection |',
  '',
].join('\n');

const content: ExportContent = {
  title: 'Mémorandum 2026 : l’œuvre des ILI',
  kind: 'memorandum',
  date: new Date('2026-03-12T23:30:00Z'),
  version: { number: 3, label: 'Avant le tour', contentHash: 'a'.repeat(64) },
  markdown: BODY,
  annex: [{ title: 'Relevé de décision', doc: pm.doc(pm.paragraph('Adopté par ', pm.bold('consensus'), ' le 13 mars 2026.')) }],
};

function hasCommand(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('export renderers', () => {
  it('dates exports in Brussels time, in French', () => {
    // 23:30 UTC on 12 March is already 13 March in Brussels.
    expect(frenchDate(content.date)).toBe('13 mars 2026');
    expect(frenchDate(new Date('2026-03-31T22:30:00Z'))).toBe('1er avril 2026');
  });

  it('names files in ASCII with the accented title as filename*', () => {
    expect(exportFileName(content, 'pdf')).toBe('memorandum-2026-l-oeuvre-des-ili-v3.pdf');
    expect(exportFileName({ title: '***', version: undefined }, 'md')).toBe('document-projet.md');
    const header = contentDisposition(content, 'docx');
    expect(header).toContain('attachment; filename="memorandum-2026-l-oeuvre-des-ili-v3.docx"');
    expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe('Mémorandum 2026 l’œuvre des ILI - v3.docx');
    expect(header).not.toMatch(/[^\x20-\x7e]/);
  });

  it('leaves no HTML of a generated annex live in the Markdown file', () => {
    const forged = pm.doc(pm.paragraph('Motif : <script>alert(1)</script> <b>gras</b> <<a>'));
    const markdown = renderMarkdown({ ...content, annex: [{ title: 'Relevé de décision', doc: forged }] }).toString('utf8');
    const annex = markdown.slice(markdown.indexOf('## Annexe'));
    expect(annex).toContain('\\<script>alert(1)\\</script> \\<b>gras\\</b> \\<\\<a>');
    expect(annex).not.toMatch(/(^|[^\\])</m);
  });

  it('renders Markdown with the Coupole heading, title, version, hash, body and annex', () => {
    const markdown = renderMarkdown(content).toString('utf8');
    expect(markdown.startsWith(`*${COUPOLE_HEADING}*  \n${COUPOLE_FEDERATIONS_LINE}\n\n# Mémorandum 2026 : l’œuvre des ILI\n`)).toBe(true);
    expect(markdown).toContain('*Mémorandum — version 3 « Avant le tour » du 13 mars 2026*');
    expect(markdown).toContain(`Empreinte SHA-256 : ${'a'.repeat(64)}`);
    expect(markdown).toContain('| CAIPS | D’accord |');
    expect(markdown).toContain('## Annexe — Relevé de décision\n\nAdopté par **consensus**');
  });

  it('renders the draft as a "projet" without a hash', () => {
    const markdown = renderMarkdown({ ...content, version: undefined, annex: [] }).toString('utf8');
    expect(markdown).toContain('Mémorandum — projet en cours au 13 mars 2026');
    expect(markdown).not.toContain('SHA-256');
    expect(markdown).not.toContain('Annexe');
  });

  it('renders a DOCX zip whose document.xml holds the heading, title, marks, lists, table and annex', async () => {
    const docx = await renderDocx(content);
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain(COUPOLE_HEADING);
    expect(xml).toContain(COUPOLE_FEDERATIONS_LINE);
    expect(xml).toContain('Mémorandum 2026 : l’œuvre des ILI');
    expect(xml).toContain('primo-arrivant·e·s');
    expect(xml).toMatch(/<w:b\/>.*primo-arrivant/s);
    expect(xml).toContain('Formation à la citoyenneté');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('Annexe — Relevé de décision');
    expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain('https://wallex.wallonie.be');
    expect(strFromU8(files['word/numbering.xml'])).toContain('w:val="decimal"');
  });

  it('writes underline and strikethrough as Word formatting', async () => {
    const docx = await renderDocx({ ...content, markdown: 'Un délai ++raisonnable++ de ~~trente~~ soixante jours.\n' });
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*raisonnable/s);
    expect(xml).toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*trente/s);
    expect(xml).not.toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*soixante/s);
  });

  it('renders a PDF with the French text, accents and annex extractable', async () => {
    const pdf = await renderPdf(content);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasCommand('pdftotext')) return;
    const dir = mkdtempSync(join(tmpdir(), 'coupole-pdf-'));
    writeFileSync(join(dir, 'export.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'export.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(COUPOLE_HEADING);
    expect(text).toContain('ALEAP · CAIPS · CODEF · FdSS · Risome');
    expect(text).toContain('Mémorandum 2026 : l’œuvre des ILI');
    expect(text).toContain('Cœur du mémorandum : « déjà » 5 €');
    expect(text).toContain('Empreinte SHA-256');
    expect(text).toContain('Annexe — Relevé de décision');
    expect(text).toMatch(/CAIPS\s+D’accord/);
  });
});
