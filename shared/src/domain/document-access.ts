import type { DocumentStatus } from './documents';
import type { Role } from './users';

export interface DocumentPermissions {
  /** See the document, its body, versions, comments and timeline. */
  read: boolean;
  /** Change the body (live co-drafting). */
  edit: boolean;
  comment: boolean;
  /** Rename, withdraw, invite observers. */
  manage: boolean;
}

export type DocumentAction = keyof DocumentPermissions;
export const DOCUMENT_ACTIONS: readonly DocumentAction[] = ['read', 'edit', 'comment', 'manage'];

/** The body may change only while the text is being drafted or is under a round. */
export const EDITABLE_STATUSES: readonly DocumentStatus[] = ['drafting', 'in_round'];

const NONE: DocumentPermissions = { read: false, edit: false, comment: false, manage: false };

/**
 * Who may do what on one document (DESIGN §1): the secretariat and admins manage every
 * document; representatives co-draft every document; observers read and comment only the
 * documents they were invited to. Nobody edits an adopted or withdrawn text.
 */
export function documentPermissions(
  user: { id: string; role: Role },
  document: { status: DocumentStatus; observerIds: readonly string[] },
): DocumentPermissions {
  const editable = EDITABLE_STATUSES.includes(document.status);
  switch (user.role) {
    case 'admin':
    case 'facilitator':
      return { read: true, edit: editable, comment: true, manage: true };
    case 'representative':
      return { read: true, edit: editable, comment: true, manage: false };
    case 'observer':
      return document.observerIds.includes(user.id) ? { read: true, edit: false, comment: true, manage: false } : NONE;
    default:
      return NONE;
  }
}

/**
 * Which documents a user sees at all, the rule `documentPermissions` applies to one document,
 * for lists and counts: every document, or (an observer) only those they were invited to.
 */
export function documentVisibility(user: { role: Role }): 'all' | 'invited' {
  return user.role === 'observer' ? 'invited' : 'all';
}

/** The secretariat, admins and representatives start documents; observers never do. */
export function canCreateDocuments(role: Role): boolean {
  return role === 'admin' || role === 'facilitator' || role === 'representative';
}

/**
 * Who invites and removes a document's observers: the secretariat, admins, and the representative
 * who started the document (its author).
 */
export function canInviteObservers(user: { id: string; role: Role }, document: { createdById: string | null }): boolean {
  if (user.role === 'admin' || user.role === 'facilitator') return true;
  return user.role === 'representative' && document.createdById === user.id;
}
