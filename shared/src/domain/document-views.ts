import type { PresenceEntry } from '../events/live-events';
import type { DocumentPermissions } from './document-access';
import type { DocumentDto, DocumentKind, DocumentStatus } from './documents';

/** `GET /api/documents` items: no body, but a short excerpt and who is editing right now. */
export interface DocumentListItemDto extends Omit<DocumentDto, 'markdown'> {
  excerpt: string;
  editors: PresenceEntry[];
}

/** `GET /api/documents/:id`: the document, with what the caller may do on it. */
export interface DocumentDetailDto extends DocumentDto {
  permissions: DocumentPermissions;
  editors: PresenceEntry[];
}

export interface ListDocumentsQuery {
  status?: DocumentStatus;
  kind?: DocumentKind;
  /** French full-text search over title and body (accents and plurals folded). */
  q?: string;
  /** `false` (the default) leaves archived documents out, `true` lists only them. */
  archived?: 'true' | 'false';
  limit?: number;
  offset?: number;
}

export const DOCUMENT_TITLE_MAX_LENGTH = 300;
export const DOCUMENT_MARKDOWN_MAX_LENGTH = 500_000;
export const DOCUMENT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
