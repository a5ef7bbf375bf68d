import type { PresenceEntry } from '@coupole/shared';

/** Some quiet time after edits: the body's current Markdown, for the documents module's cache. */
export interface DocumentBodyChanged {
  documentId: string;
  markdown: string;
  editedAt: Date;
  actorId: string | null;
}

/** Who is editing the document now, on this instance (the live module shares it with the others). */
export interface DocumentPresenceChanged {
  documentId: string;
  editors: PresenceEntry[];
  /** Tell it even if unchanged: messages between instances were lost meanwhile. */
  republish?: boolean;
}

export interface CollabEvents {
  'document.body_changed': DocumentBodyChanged;
  'document.presence_changed': DocumentPresenceChanged;
}
