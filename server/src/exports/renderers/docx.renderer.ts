import { markdownToJSON } from '@coupole/shared';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  type ICommentOptions,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { COUPOLE_FEDERATIONS_LINE, COUPOLE_HEADING, ExportContent, exportSubtitleLines } from '../export-content';
import { ExportBlock, ExportRun, ExportTableCell, toExportBlocks } from './export-blocks';
import { paragraphMarkChange, splitTracked, TrackedChange } from './tracked-changes';

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const ORDERED_LIST = 'coupole-ordered';
const LIST_INDENT = 360;
const QUOTE_BORDER = { style: BorderStyle.SINGLE, size: 12, color: '9CA3AF', space: 8 };
const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface Context {
  /** Ordered lists: each gets its own numbering instance, per starting number. */
  orderedStarts: Set<number>;
  nextInstance: number;
  /** Indentation (twips) and list depth of the blocks being written. */
  indent: number;
  listLevel: number;
  quoted: boolean;
  /** Open suggestions written in the text as Word revisions (`w:ins`/`w:del`), by marker index. */
  tracked: TrackedChange[] | null;
  nextRevision: number;
  /** Word comments (a suggestion's thread), and the changes whose comments are placed already. */
  comments: ICommentOptions[];
  commented: Set<number>;
}

function orderedReference(start: number): string {
  return `${ORDERED_LIST}-${start}`;
}

/** Word's character formatting of a run: the block's style (a heading is bold) and the run's own marks. */
function runFormat(run: Extract<ExportRun, { kind: 'text' }>, style: { bold?: boolean; italics?: boolean }) {
  return {
    bold: run.bold || style.bold,
    italics: run.italic || style.italics,
    ...(run.underline ? { underline: {} } : {}),
    ...(run.strike ? { strike: true } : {}),
  };
}

function runs(items: ExportRun[], context: Context, style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  if (context.tracked) return trackedRuns(items, context, context.tracked, style);
  return items.map((run) => {
    if (run.kind === 'break') return new TextRun({ text: '', break: 1 });
    const text = new TextRun({
      text: run.text,
      ...runFormat(run, style),
      style: run.href ? 'Hyperlink' : undefined,
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/** Runs cut at the suggestion markers: plain text, Word insertions and deletions (author, date). */
function trackedRuns(items: ExportRun[], context: Context, tracked: TrackedChange[], style: { bold?: boolean; italics?: boolean }): ParagraphChild[] {
  const state: Parameters<typeof splitTracked>[1] = { kind: 'plain', change: null };
  return items.flatMap((run): ParagraphChild[] => {
    if (run.kind === 'break') return [new TextRun({ text: '', break: 1 })];
    const format = runFormat(run, style);
    const pieces = splitTracked(run.text, state);
    if (run.href && pieces.every((piece) => piece.kind === 'plain')) {
      return [new ExternalHyperlink({ link: run.href, children: [new TextRun({ text: pieces.map((piece) => piece.text).join(''), ...format, style: 'Hyperlink' })] })];
    }
    return pieces.flatMap((piece): ParagraphChild[] => {
      const change = piece.change === null ? undefined : tracked[piece.change];
      if (piece.kind === 'plain' || !change) return [new TextRun({ text: piece.text, ...format })];
      if (piece.kind === 'format') {
        // The run as suggested, its earlier look kept in w:rPrChange (Word: "Formatted: Bold").
        const run = new TextRun({ text: piece.text, ...suggestedFormat(format, change), revision: { ...revisionOf(change, context), ...format } });
        return withComments(run, piece.change as number, change, context);
      }
      const revision = { ...revisionOf(change, context), text: piece.text, ...format };
      const run = piece.kind === 'insert' ? new InsertedTextRun(revision) : new DeletedTextRun(revision);
      return withComments(run, piece.change as number, change, context);
    });
  });
}

/** Word writes revision and comment dates to the second. */
function wordDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The suggestion's thread as Word comments on the first piece of its change (the deleted text,
 * or the inserted one): the first comment, and the others as its replies.
 */
function withComments(run: ParagraphChild, change: number, { comments }: TrackedChange, context: Context): ParagraphChild[] {
  if (comments.length === 0 || context.commented.has(change)) return [run];
  context.commented.add(change);
  const first = context.comments.length;
  const ids = comments.map((comment, index) => {
    const id = first + index;
    context.comments.push({
      id,
      author: comment.author,
      date: new Date(wordDate(comment.date)),
      ...(index > 0 ? { parentId: first } : {}),
      children: comment.body.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
    });
    return id;
  });
  return [
    ...ids.map((id) => new CommentRangeStart(id)),
    run,
    ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
  ];
}

/** Who and when, for a Word revision. */
function revisionOf(change: TrackedChange, context: Context) {
  return { id: context.nextRevision++, author: change.author, date: wordDate(change.date) };
}

/** A run's look once a mark suggestion is applied (block changes are not written: see the README). */
function suggestedFormat(format: ReturnType<typeof runFormat>, change: TrackedChange): ReturnType<typeof runFormat> {
  const suggestion = change.format;
  if (!suggestion || !('mark' in suggestion)) return format;
  const on = suggestion.action === 'add';
  switch (suggestion.mark) {
    case 'bold':
      return { ...format, bold: on };
    case 'italic':
      return { ...format, italics: on };
    case 'strike':
      return { ...format, strike: on };
    case 'underline':
      return { ...format, underline: on ? {} : undefined };
  }
}

/** A suggested new paragraph's mark as w:ins, a joined paragraph's as w:del (in the paragraph's w:rPr). */
function paragraphMark(items: ExportRun[], context: Context) {
  if (!context.tracked) return {};
  for (const run of items) {
    if (run.kind !== 'text') continue;
    const { mark } = paragraphMarkChange(run.text);
    const change = mark ? context.tracked[mark.change] : undefined;
    if (mark && change) return { run: mark.kind === 'insert' ? { insertion: revisionOf(change, context) } : { deletion: revisionOf(change, context) } };
  }
  return {};
}

function paragraphOptions(context: Context) {
  return {
    indent: context.indent ? { left: context.indent } : undefined,
    border: context.quoted ? { left: QUOTE_BORDER } : undefined,
  };
}

function blocks(items: ExportBlock[], context: Context): (Paragraph | Table)[] {
  return items.flatMap((block) => blockElements(block, context));
}

function blockElements(block: ExportBlock, context: Context): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADING_LEVELS[Math.min(block.level, HEADING_LEVELS.length) - 1],
          children: runs(block.runs, context),
          ...paragraphOptions(context),
          ...paragraphMark(block.runs, context),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(block.runs, context, { italics: context.quoted }),
          spacing: { after: 120 },
          ...paragraphOptions(context),
          ...paragraphMark(block.runs, context),
        }),
      ];
    case 'quote':
      return blocks(block.blocks, { ...context, quoted: true, indent: context.indent + LIST_INDENT });
    case 'rule':
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9CA3AF', space: 1 } },
        }),
      ];
    case 'table':
      return [table(block.rows, context), new Paragraph({ children: [] })];
    case 'list':
      return list(block, context);
  }
}

function list(block: Extract<ExportBlock, { kind: 'list' }>, context: Context): (Paragraph | Table)[] {
  const level = Math.min(context.listLevel, 8);
  const instance = context.nextInstance++;
  if (block.ordered) context.orderedStarts.add(block.start);
  const inner: Context = { ...context, listLevel: context.listLevel + 1, indent: (level + 1) * 720 };
  return block.items.flatMap((item) => {
    const [first, ...rest] = item;
    const marker = block.ordered
      ? { numbering: { reference: orderedReference(block.start), level, instance } }
      : { bullet: { level } };
    const head =
      first?.kind === 'paragraph'
        ? [new Paragraph({ children: runs(first.runs, context, { italics: context.quoted }), spacing: { after: 60 }, ...marker })]
        : [new Paragraph({ children: [], ...marker }), ...(first ? blockElements(first, inner) : [])];
    return [...head, ...blocks(rest, inner)];
  });
}

function table(rows: ExportTableCell[][], context: Context): Table {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.every((cell) => cell.header),
          children: Array.from({ length: columns }, (_, index) => row[index]).map(
            (cell) =>
              new TableCell({
                width: { size: Math.floor(100 / columns), type: WidthType.PERCENTAGE },
                shading: cell?.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E5E7EB' } : undefined,
                children: [
                  new Paragraph({
                    alignment: cell?.align ? ALIGNMENTS[cell.align] : undefined,
                    children: cell ? runs(cell.runs, context, { bold: cell.header }) : [],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** A Word document: the Coupole heading, title, kind, date, version and hash, body, annex. */
export async function renderDocx(content: ExportContent): Promise<Buffer> {
  const context: Context = {
    orderedStarts: new Set([1]),
    nextInstance: 0,
    indent: 0,
    listLevel: 0,
    quoted: false,
    tracked: content.trackedChanges ?? null,
    nextRevision: 1,
    comments: [],
    commented: new Set(),
  };
  const body = blocks(toExportBlocks(markdownToJSON(content.markdown)), context);
  const annex = content.annex.flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(`Annexe — ${section.title}`)] }),
    ...blocks(toExportBlocks(section.doc), { ...context, tracked: null }),
  ]);

  const document = new Document({
    title: content.title,
    creator: 'La Coupole',
    description: exportSubtitleLines(content).join(' — '),
    ...(context.comments.length > 0 ? { comments: { children: context.comments } } : {}),
    numbering: {
      config: [...context.orderedStarts].map((start) => ({
        reference: orderedReference(start),
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start: level === 0 ? start : 1,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: (level + 1) * 720, hanging: LIST_INDENT } } },
        })),
      })),
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: COUPOLE_HEADING, size: 16, color: '6B7280' })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: '6B7280' })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: COUPOLE_HEADING, bold: true, color: '1F3A5F' })] }),
          new Paragraph({ children: [new TextRun({ text: COUPOLE_FEDERATIONS_LINE, size: 18, color: '6B7280' })], spacing: { after: 240 } }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
          ...exportSubtitleLines(content).map(
            (line) => new Paragraph({ children: [new TextRun({ text: line, italics: true, color: '4B5563', size: 20 })] }),
          ),
          new Paragraph({
            children: [],
            spacing: { after: 240 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9CA3AF', space: 1 } },
          }),
          ...body,
          ...annex,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
