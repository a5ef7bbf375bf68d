import { DOCUMENT_KIND_LABELS, frenchFirstOfMonth, type DocumentKind, type ProseMirrorJSON } from '@coupole/shared';
import type { TrackedChange } from './renderers/tracked-changes';

export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const COUPOLE_HEADING = 'La Coupole — fédérations des ILI de Wallonie';

/** The letterhead's second line: the five federations the Coupole speaks for. */
export const COUPOLE_FEDERATIONS_LINE = 'ALEAP · CAIPS · CODEF · FdSS · Risome';

/**
 * A section appended after the body, such as the "Relevé de décision" of an adopted text: a
 * document in the shared schema built in code, so that the people's words in it stay data.
 */
export interface ExportSection {
  title: string;
  doc: ProseMirrorJSON;
}

/** Everything an export shows, whatever the format. */
export interface ExportContent {
  title: string;
  kind: DocumentKind;
  /** The version's time, or the moment of export for the draft. */
  date: Date;
  /** Absent for the current draft. */
  version?: { number: number; label: string | null; contentHash: string };
  markdown: string;
  annex: ExportSection[];
  /**
   * DOCX only: `markdown` carries open suggestions between markers (renderers/tracked-changes.ts),
   * written as Word tracked changes by these authors and dates.
   */
  trackedChanges?: TrackedChange[];
}

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const dateFormat = new Intl.DateTimeFormat('fr-BE', { timeZone: 'Europe/Brussels', dateStyle: 'long' });

/** "12 mars 2026", "1er avril 2026": the day as seen in Brussels. */
export function frenchDate(date: Date): string {
  return frenchFirstOfMonth(dateFormat.format(date));
}

/** The lines under the title: kind, date, and which version (with its hash) or that it is a draft. */
export function exportSubtitleLines(content: ExportContent): string[] {
  const kind = DOCUMENT_KIND_LABELS[content.kind];
  if (!content.version) return [`${kind} — projet en cours au ${frenchDate(content.date)}`];
  const label = content.version.label ? ` « ${content.version.label} »` : '';
  return [
    `${kind} — version ${content.version.number}${label} du ${frenchDate(content.date)}`,
    `Empreinte SHA-256 : ${content.version.contentHash}`,
  ];
}

/** Lower-case ASCII words joined by hyphens: "Mémorandum 2025 : l’œuvre" → "memorandum-2025-l-oeuvre". */
export function asciiSlug(text: string, maxLength = 80): string {
  const slug = text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'document';
}

/** "memorandum-2025-v3.pdf", or "...-projet.pdf" for the draft. */
export function exportFileName(content: Pick<ExportContent, 'title' | 'version'>, format: ExportFormat): string {
  const suffix = content.version ? `v${content.version.number}` : 'projet';
  return `${asciiSlug(content.title)}-${suffix}.${format}`;
}

/**
 * Both forms of RFC 6266: an ASCII `filename` for old clients and the accented name as
 * `filename*` (RFC 5987), with characters that file systems refuse replaced.
 */
export function contentDisposition(content: Pick<ExportContent, 'title' | 'version'>, format: ExportFormat): string {
  const ascii = exportFileName(content, format);
  const readable = `${content.title}`
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  const suffix = content.version ? ` - v${content.version.number}` : ' - projet';
  const utf8 = encodeURIComponent(`${readable || 'document'}${suffix}.${format}`).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
