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
 * documents they were invited to. Nobody edits an adopted or withdrawn text. An archived
 * document is read-only for everyone (no edit, no comment) until it is unarchived.
 */
export function documentPermissions(
  user: { id: string; role: Role },
  document: { status: DocumentStatus; observerIds: readonly string[]; archived?: boolean },
): DocumentPermissions {
  const open = !document.archived;
  const editable = open && EDITABLE_STATUSES.includes(document.status);
  switch (user.role) {
    case 'admin':
    case 'facilitator':
      return { read: true, edit: editable, comment: open, manage: true };
    case 'representative':
      return { read: true, edit: editable, comment: open, manage: false };
    case 'observer':
      return document.observerIds.includes(user.id) ? { read: true, edit: false, comment: open, manage: false } : NONE;
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

/**
 * Who archives and unarchives a document: the same people — the secretariat, admins, and its
 * author (as Loomio lets a thread's author close it). Archiving is undone by unarchiving.
 */
export function canArchive(user: { id: string; role: Role }, document: { createdById: string | null }): boolean {
  return canInviteObservers(user, document);
}
