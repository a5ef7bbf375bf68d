import type { ParagraphUnit } from '../editor/paragraphs';

export const DOCUMENT_KINDS = [
  'note_technique',
  'note_politique',
  'memorandum',
  'courrier',
  'question_parlementaire',
  'communique',
  'analyse',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** French label of each kind: exports print it, the client catalogue must say the same. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  note_technique: 'Note technique',
  note_politique: 'Note politique',
  memorandum: 'Mémorandum',
  courrier: 'Courrier',
  question_parlementaire: 'Question parlementaire',
  communique: 'Communiqué de presse',
  analyse: 'Analyse',
};

export const DOCUMENT_STATUSES = ['drafting', 'in_round', 'adopted', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface UserRefDto {
  id: string;
  displayName: string;
  federation: string | null;
}

/** `GET /api/documents/:id` and list items (list items may omit `markdown`). */
export interface DocumentDto {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  markdown: string;
  createdBy: UserRefDto;
  createdAt: string;
  updatedAt: string;
  /** When the body last changed (live edits included). */
  lastEditedAt: string;
  /** Observers invited to read and comment. */
  observers: UserRefDto[];
  /** Set while the document is archived: read-only, out of the default list, status unchanged. */
  archivedAt: string | null;
  archivedBy: UserRefDto | null;
}

export interface CreateDocumentRequest {
  title: string;
  kind: DocumentKind;
  markdown?: string;
}

/** Rename, withdraw (`status: 'withdrawn'`), invite observers, archive or unarchive. */
export interface UpdateDocumentRequest {
  title?: string;
  status?: 'withdrawn';
  observerIds?: string[];
  archived?: boolean;
}

export interface ParagraphDto {
  id: string;
  markdown: string;
}

export interface VersionDto {
  number: number;
  label: string | null;
  author: UserRefDto;
  createdAt: string;
  markdown: string;
  contentHash: string;
  paragraphs: ParagraphDto[];
  /** The addressable paragraphs: list items and table rows one by one, headings as labels. */
  units: ParagraphUnit[];
}

export interface CommentAnchorDto {
  /** Yjs relative positions, base64-encoded (`Y.encodeRelativePosition`). */
  start: string;
  end: string;
  /** The text that was selected when the comment was made, for display. */
  quote: string;
}

export interface CommentReplyDto {
  id: string;
  body: string;
  author: UserRefDto;
  mentions: string[];
  createdAt: string;
}

export interface CommentDto {
  id: string;
  /** The thread's parent: a document or an info of the watch (exactly one is set). */
  documentId: string | null;
  infoId: string | null;
  /**
   * Set on a comment in a suggestion's thread (on its document): the suggestion's card shows it,
   * the document's own thread list does not. Such a thread is flat (no replies, never resolved).
   */
  suggestionId: string | null;
  body: string;
  anchor?: CommentAnchorDto | null;
  author: UserRefDto;
  /** User ids and federation slugs mentioned with `@`. */
  mentions: string[];
  resolved: boolean;
  resolvedBy?: UserRefDto | null;
  replies: CommentReplyDto[];
  createdAt: string;
  updatedAt: string;
}

export const TIMELINE_EVENT_TYPES = [
  'document.created',
  'document.renamed',
  'document.withdrawn',
  'document.edited',
  'document.restored',
  'document.observers_changed',
  'document.archived',
  'document.unarchived',
  'version.created',
  'comment.created',
  'comment.replied',
  'comment.resolved',
  'comment.reopened',
  'round.opened',
  'position.cast',
  'position.changed',
  'round.closed',
  'objection.withdrawn',
  'objection.integrated',
  'amendment.applied',
  'reservation.integrated',
  'round.deadline_extended',
  'round.federation_reminded',
  'document.published',
  'document.unpublished',
  'suggestion.created',
  'suggestion.accepted',
  'suggestion.rejected',
  'suggestion.withdrawn',
  'suggestion.orphaned',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface TimelineEventDto {
  id: string;
  type: TimelineEventType;
  documentId: string;
  roundId?: string | null;
  actor: UserRefDto | null;
  at: string;
  /** For grouped edits: the last edit of the group (`at` is the first). */
  until?: string;
  /** For grouped edits: how many updates the group holds. */
  count?: number;
  payload: Record<string, unknown>;
}
