import type { DocumentDto, PresenceEntry } from '@coupole/shared';

/** The document's metadata changed (created, renamed, withdrawn, status moved by a round…). */
export interface DocumentUpdated {
  document: Omit<DocumentDto, 'markdown'>;
}

/** The body's Markdown cache was refreshed after an edit. */
export interface DocumentEdited {
  documentId: string;
  at: Date;
  lastEditedAt: Date;
  by: PresenceEntry | null;
}

/** Observers invited to the document or no longer invited. */
export interface DocumentObserversChanged {
  documentId: string;
  added: string[];
  removed: string[];
}

/** Who may read or edit a document changed (observers removed, withdrawal, adoption). */
export interface DocumentAccessChanged {
  documentId: string;
  /** Users who may no longer read it. */
  removedUserIds: string[];
  /** The body may no longer be edited by anyone (adopted or withdrawn). */
  sealed: boolean;
}

export interface DocumentEvents {
  'document.updated': DocumentUpdated;
  'document.edited': DocumentEdited;
  'document.observers_changed': DocumentObserversChanged;
  'document.access_changed': DocumentAccessChanged;
}
