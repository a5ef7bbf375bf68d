import type { DocumentKind, DocumentStatus } from '@coupole/shared';

/**
 * What an event carries besides its type, actor and time, stored as jsonb. One flat shape for
 * every type: each module fills the fields its events need (add fields here, never rename).
 */
export type EventPayload = {
  /** document.created, document.renamed (the new title). */
  title?: string;
  /** document.renamed */
  previousTitle?: string;
  /** document.created */
  kind?: DocumentKind;
  /** document.created (imported from .docx: the file name). */
  importedFrom?: string;
  /** document.withdrawn, document.restored and round outcomes that move the document. */
  status?: DocumentStatus;
  previousStatus?: DocumentStatus;
  /** Observers invited to / removed from the document (user ids). */
  observersAdded?: string[];
  observersRemoved?: string[];
  /** document.edited: size of the body after the edit, in characters. */
  length?: number;
  /** version.created, round.opened */
  versionNumber?: number;
  label?: string | null;
  contentHash?: string;
  /** comment.* */
  commentId?: string;
  excerpt?: string;
  /** comment.created, comment.replied: user ids and federation slugs named with `@`. */
  mentions?: string[];
  /** round.*, position.*, objection.* */
  roundNumber?: number;
  federation?: string;
  stance?: string;
  previousStance?: string;
  rule?: string;
  outcome?: string;
  decisionSeq?: number;
  objectionId?: string;
  /** reservation.integrated, amendment.applied (a reservation's) */
  reservationId?: string;
  closesAt?: string;
  /** round.deadline_extended */
  previousClosesAt?: string;
  reason?: string | null;
  /**
   * suggestion.* (with `federation`, the author's, and `excerpt`: « quote » → « replacement »);
   * comment.created in a suggestion's thread.
   */
  suggestionId?: string;
  suggestionKind?: string;
};
