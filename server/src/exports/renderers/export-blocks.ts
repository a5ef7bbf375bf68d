import type { ProseMirrorJSON } from '@coupole/shared';

/** A stretch of text with its marks; `break` is a hard line break inside a block. */
export type ExportRun =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean; underline?: boolean; strike?: boolean; href: string | null }
  | { kind: 'break' };

export interface ExportTableCell {
  header: boolean;
  align: 'left' | 'center' | 'right' | null;
  /** The cell's paragraphs, joined by line breaks. */
  runs: ExportRun[];
}

/**
 * The body as the DOCX and PDF renderers see it: the shared ProseMirror schema reduced to
 * what a printed text shows, so each renderer handles a closed set of cases.
 */
export type ExportBlock =
  | { kind: 'heading'; level: number; runs: ExportRun[] }
  | { kind: 'paragraph'; runs: ExportRun[] }
  | { kind: 'list'; ordered: boolean; start: number; items: ExportBlock[][] }
  | { kind: 'quote'; blocks: ExportBlock[] }
  | { kind: 'table'; rows: ExportTableCell[][] }
  | { kind: 'rule' };

export function toExportBlocks(doc: ProseMirrorJSON): ExportBlock[] {
  return (doc.content ?? []).flatMap(toBlock);
}

function toBlock(node: ProseMirrorJSON): ExportBlock[] {
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', level: Number(node.attrs?.level ?? 1), runs: toRuns(node) }];
    case 'paragraph':
      return [{ kind: 'paragraph', runs: toRuns(node) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: Number(node.attrs?.start ?? 1),
          items: (node.content ?? []).map((item) => (item.content ?? []).flatMap(toBlock)),
        },
      ];
    case 'blockquote':
      return [{ kind: 'quote', blocks: (node.content ?? []).flatMap(toBlock) }];
    case 'table':
      return [{ kind: 'table', rows: (node.content ?? []).map((row) => (row.content ?? []).map(toCell)) }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    default:
      // A block the schema gains later still prints its text rather than vanishing.
      return [{ kind: 'paragraph', runs: toRuns(node) }];
  }
}

function toCell(cell: ProseMirrorJSON): ExportTableCell {
  const runs: ExportRun[] = [];
  (cell.content ?? []).forEach((block, index) => {
    if (index > 0) runs.push({ kind: 'break' });
    runs.push(...toRuns(block));
  });
  const align = cell.attrs?.align;
  return {
    header: cell.type === 'tableHeader',
    align: align === 'left' || align === 'center' || align === 'right' ? align : null,
    runs,
  };
}

function toRuns(node: ProseMirrorJSON): ExportRun[] {
  const runs: ExportRun[] = [];
  const visit = (child: ProseMirrorJSON) => {
    if (child.type === 'hardBreak') {
      runs.push({ kind: 'break' });
    } else if (child.type === 'text') {
      const marks = child.marks ?? [];
      const link = marks.find((mark) => mark.type === 'link');
      runs.push({
        kind: 'text',
        text: child.text ?? '',
        bold: marks.some((mark) => mark.type === 'bold'),
        italic: marks.some((mark) => mark.type === 'italic'),
        underline: marks.some((mark) => mark.type === 'underline'),
        strike: marks.some((mark) => mark.type === 'strike'),
        href: typeof link?.attrs?.href === 'string' ? link.attrs.href : null,
      });
    } else {
      (child.content ?? []).forEach(visit);
    }
  };
  (node.content ?? []).forEach(visit);
  return runs;
}

export function runsText(runs: ExportRun[]): string {
  return runs.map((run) => (run.kind === 'break' ? '\n' : run.text)).join('');
}
