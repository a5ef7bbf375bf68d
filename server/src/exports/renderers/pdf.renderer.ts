import { markdownToJSON } from '@coupole/shared';
import PDFDocument from 'pdfkit';
import { COUPOLE_FEDERATIONS_LINE, COUPOLE_HEADING, ExportContent, exportSubtitleLines } from '../export-content';
import { ExportBlock, ExportRun, ExportTableCell, runsText, toExportBlocks } from './export-blocks';

/**
 * Open Sans (SIL OFL) ships with the server as TrueType, from an npm package, so every machine
 * renders the same glyphs. PDFKit's standard Helvetica only has WinAnsi, which lacks nothing
 * French in theory but breaks on typographic quotes and spaces pasted from Word in practice,
 * and cannot be searched reliably; an embedded font has every accent, ’, œ, « », € and the
 * narrow no-break space.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf',
  bold: '@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf',
  italic: '@expo-google-fonts/open-sans/400Regular_Italic/OpenSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/open-sans/700Bold_Italic/OpenSans_700Bold_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

const FONT_PATHS = Object.fromEntries(
  Object.entries(FONT_FILES).map(([name, file]) => [name, require.resolve(file)]),
) as Record<FontName, string>;

const MARGIN = 56;
const BODY_SIZE = 11;
const HEADING_SIZES = [17, 14, 12.5, 11.5];
const TEXT_COLOR = '#111827';
const MUTED_COLOR = '#4B5563';
const LINK_COLOR = '#1D4ED8';
const RULE_COLOR = '#9CA3AF';
const ACCENT_COLOR = '#1F3A5F';
const LIST_GAP = 18;
const CELL_PADDING = 4;

type Pdf = PDFKit.PDFDocument;

interface Frame {
  /** Left edge and width of the column the block is written in. */
  x: number;
  width: number;
  italic: boolean;
}

function fontFor(bold: boolean, italic: boolean): FontName {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** Writes a block of mixed runs at (x, doc.y), wrapping within `width`. */
function writeRuns(
  doc: Pdf,
  items: ExportRun[],
  frame: Frame,
  style: { size: number; bold?: boolean; align?: 'left' | 'center' | 'right' | 'justify' },
): void {
  // Hard breaks become newlines inside the run before them, so one text flow holds the block.
  const segments: { text: string; bold: boolean; italic: boolean; underline: boolean; strike: boolean; href: string | null }[] = [];
  for (const run of items) {
    if (run.kind === 'break') {
      if (segments.length === 0) segments.push({ text: '', bold: false, italic: false, underline: false, strike: false, href: null });
      segments[segments.length - 1].text += '\n';
    } else if (run.text) {
      segments.push({ text: run.text, bold: run.bold || !!style.bold, italic: run.italic || frame.italic, underline: !!run.underline, strike: !!run.strike, href: run.href });
    }
  }
  if (segments.length === 0) return;
  doc.fontSize(style.size);
  segments.forEach((segment, index) => {
    const options: PDFKit.Mixins.TextOptions = {
      continued: index < segments.length - 1,
      link: segment.href ?? undefined,
      underline: segment.underline || segment.href !== null,
      strike: segment.strike,
      align: style.align ?? 'left',
      lineGap: 2,
    };
    doc.font(fontFor(segment.bold, segment.italic)).fillColor(segment.href ? LINK_COLOR : TEXT_COLOR);
    if (index === 0) doc.text(segment.text, frame.x, doc.y, { ...options, width: frame.width });
    else doc.text(segment.text, options);
  });
  doc.fillColor(TEXT_COLOR);
}

function writeBlocks(doc: Pdf, blocks: ExportBlock[], frame: Frame): void {
  blocks.forEach((block) => writeBlock(doc, block, frame));
}

function writeBlock(doc: Pdf, block: ExportBlock, frame: Frame): void {
  switch (block.kind) {
    case 'heading': {
      const size = HEADING_SIZES[Math.min(block.level, HEADING_SIZES.length) - 1];
      // Keep a heading with at least two lines of what follows.
      ensureSpace(doc, size * 1.4 + BODY_SIZE * 3.2);
      doc.moveDown(0.6);
      writeRuns(doc, block.runs, frame, { size, bold: true });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      writeRuns(doc, block.runs, frame, { size: BODY_SIZE });
      doc.moveDown(0.5);
      return;
    case 'list':
      writeList(doc, block, frame);
      return;
    case 'quote': {
      const startPage = doc.page;
      const startY = doc.y;
      writeBlocks(doc, block.blocks, { x: frame.x + 14, width: frame.width - 14, italic: true });
      if (doc.page === startPage) {
        doc
          .save()
          .moveTo(frame.x + 3, startY)
          .lineTo(frame.x + 3, doc.y - BODY_SIZE * 0.5)
          .lineWidth(2)
          .strokeColor(RULE_COLOR)
          .stroke()
          .restore();
      }
      return;
    }
    case 'rule':
      ensureSpace(doc, 12);
      doc.save().moveTo(frame.x, doc.y + 4).lineTo(frame.x + frame.width, doc.y + 4).lineWidth(0.7).strokeColor(RULE_COLOR).stroke().restore();
      doc.y += 12;
      return;
    case 'table':
      writeTable(doc, block.rows, frame);
      return;
  }
}

function writeList(doc: Pdf, block: Extract<ExportBlock, { kind: 'list' }>, frame: Frame): void {
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : '•';
    ensureSpace(doc, BODY_SIZE * 1.6);
    const y = doc.y;
    doc.font(fontFor(false, frame.italic)).fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
    doc.text(marker, frame.x, y, { width: LIST_GAP - 2, lineBreak: false });
    doc.y = y;
    const inner: Frame = { x: frame.x + LIST_GAP, width: frame.width - LIST_GAP, italic: frame.italic };
    item.forEach((child, childIndex) => {
      if (child.kind === 'paragraph') {
        writeRuns(doc, child.runs, inner, { size: BODY_SIZE });
        doc.moveDown(childIndex === item.length - 1 ? 0.2 : 0.4);
      } else {
        writeBlock(doc, child, inner);
      }
    });
  });
  doc.moveDown(0.3);
}

function writeTable(doc: Pdf, rows: ExportTableCell[][], frame: Frame): void {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const columnWidth = frame.width / columns;
  const textWidth = columnWidth - 2 * CELL_PADDING;
  const size = BODY_SIZE - 1;
  for (const row of rows) {
    const height =
      Math.max(
        ...Array.from({ length: columns }, (_, index) => {
          const cell = row[index];
          if (!cell) return size;
          doc.font(fontFor(cell.header, frame.italic)).fontSize(size);
          return doc.heightOfString(runsText(cell.runs) || ' ', { width: textWidth, lineGap: 2 });
        }),
      ) +
      2 * CELL_PADDING;
    ensureSpace(doc, height);
    const top = doc.y;
    Array.from({ length: columns }, (_, index) => row[index]).forEach((cell, index) => {
      const left = frame.x + index * columnWidth;
      doc.save();
      if (cell?.header) doc.rect(left, top, columnWidth, height).fill('#E5E7EB');
      doc.rect(left, top, columnWidth, height).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
      doc.restore();
      if (cell) {
        doc.y = top + CELL_PADDING;
        writeRuns(doc, cell.runs, { x: left + CELL_PADDING, width: textWidth, italic: frame.italic }, {
          size,
          bold: cell.header,
          align: cell.align ?? 'left',
        });
      }
    });
    doc.x = frame.x;
    doc.y = top + height;
  }
  doc.moveDown(0.8);
}

function writeTitleBlock(doc: Pdf, content: ExportContent, frame: Frame): void {
  // The letterhead: the Coupole, and the five federations it speaks for.
  doc.font('bold').fontSize(10).fillColor(ACCENT_COLOR).text(COUPOLE_HEADING, frame.x, doc.y, { width: frame.width });
  doc.font('regular').fontSize(9).fillColor(MUTED_COLOR).text(COUPOLE_FEDERATIONS_LINE, { width: frame.width });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(22).fillColor(TEXT_COLOR).text(content.title, { width: frame.width });
  doc.moveDown(0.3);
  doc.font('italic').fontSize(10).fillColor(MUTED_COLOR);
  for (const line of exportSubtitleLines(content)) doc.text(line, { width: frame.width });
  doc.fillColor(TEXT_COLOR);
  doc.moveDown(0.6);
  writeBlock(doc, { kind: 'rule' }, frame);
  doc.moveDown(0.4);
}

/** Page header and numbers, written once every page exists. */
function writePageFurniture(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins, width, height } = doc.page;
    // Writing inside the margins would otherwise make PDFKit start a new page.
    const savedBottom = margins.bottom;
    margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED_COLOR);
    if (index > range.start) {
      doc.text(COUPOLE_HEADING, MARGIN, MARGIN / 2, { width: width - 2 * MARGIN, align: 'right', lineBreak: false });
    }
    doc.text(`${index - range.start + 1} / ${range.count}`, MARGIN, height - MARGIN / 2 - 8, {
      width: width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    margins.bottom = savedBottom;
  }
}

/** A PDF: the Coupole heading, title, kind, date, version and hash, body, annex. */
export function renderPdf(content: ExportContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'fr-BE',
    displayTitle: true,
    info: { Title: content.title, Author: 'La Coupole', Subject: exportSubtitleLines(content).join(' — '), Creator: 'Coupole' },
  });
  for (const [name, path] of Object.entries(FONT_PATHS)) doc.registerFont(name, path);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const frame: Frame = { x: MARGIN, width: doc.page.width - 2 * MARGIN, italic: false };
  writeTitleBlock(doc, content, frame);
  writeBlocks(doc, toExportBlocks(markdownToJSON(content.markdown)), frame);
  for (const section of content.annex) {
    doc.addPage();
    writeRuns(doc, [{ kind: 'text', text: `Annexe — ${section.title}`, bold: true, italic: false, href: null }], frame, {
      size: HEADING_SIZES[0],
      bold: true,
    });
    doc.moveDown(0.5);
    writeBlocks(doc, toExportBlocks(section.doc), frame);
  }
  writePageFurniture(doc);
  doc.end();
  return done;
}
