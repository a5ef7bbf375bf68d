import type { ConsensusRule, RoundOutcome } from '../consensus/types';
import type { DocumentStatus } from '../domain/documents';
import type { FederationSlug } from '../domain/federations';

/** The secretariat reminds one federation of one round at most this often ("Relancer"). */
export const FEDERATION_REMINDER_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** A home page load this long after the previous one starts a new visit ("since my last visit"). */
export const HOME_VISIT_GAP_MS = 30 * 60 * 1000;

/** With no earlier visit, "since my last visit" looks back this far. */
export const HOME_FIRST_VISIT_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** When the next reminder of a federation may go out (null: now). */
export function nextReminderAllowedAt(lastSentAt: string | Date | null): Date | null {
  if (lastSentAt === null) return null;
  return new Date(new Date(lastSentAt).getTime() + FEDERATION_REMINDER_INTERVAL_MS);
}

export function canRemindFederation(lastSentAt: string | Date | null, now: Date = new Date()): boolean {
  const next = nextReminderAllowedAt(lastSentAt);
  return next === null || next.getTime() <= now.getTime();
}

/**
 * The visit a home page load belongs to: a load within HOME_VISIT_GAP_MS of the last one
 * continues the current visit (live refetches do not empty "since my last visit"); a later
 * load starts a new one, and what happened since the previous visit's last load is new.
 */
export function homeVisit(
  stored: { lastSeenAt: Date; previousVisitEndedAt: Date | null } | null,
  now: Date,
): { since: Date; previousVisitEndedAt: Date | null } {
  if (!stored) return { since: new Date(now.getTime() - HOME_FIRST_VISIT_LOOKBACK_MS), previousVisitEndedAt: null };
  if (now.getTime() - stored.lastSeenAt.getTime() > HOME_VISIT_GAP_MS) {
    return { since: stored.lastSeenAt, previousVisitEndedAt: stored.lastSeenAt };
  }
  const since = stored.previousVisitEndedAt ?? new Date(now.getTime() - HOME_FIRST_VISIT_LOOKBACK_MS);
  return { since, previousVisitEndedAt: stored.previousVisitEndedAt };
}

/** Most urgent first: the nearest deadline, then the older round. */
export function byDeadline<T extends { closesAt: string; roundId: string }>(rounds: readonly T[]): T[] {
  return [...rounds].sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.roundId.localeCompare(b.roundId));
}

export interface HomeRoundDto {
  roundId: string;
  documentId: string;
  documentTitle: string;
  number: number;
  question: string;
  rule: ConsensusRule;
  closesAt: string;
}

/** An open round as the secretariat follows it: who has not answered, and when each was reminded. */
export interface HomeFollowUpRoundDto extends HomeRoundDto {
  missing: HomeMissingFederationDto[];
}

export interface HomeMissingFederationDto {
  federation: FederationSlug;
  lastRemindedAt: string | null;
  /** When "Relancer" is possible again; null when it is now. */
  nextReminderAt: string | null;
}

export interface HomeCommentDto {
  commentId: string;
  documentId: string;
  documentTitle: string;
  excerpt: string;
  authorName: string;
  createdAt: string;
}

export interface HomeEditedDocumentDto {
  documentId: string;
  title: string;
  status: DocumentStatus;
  lastEditedAt: string;
}

export interface HomeClosedRoundDto {
  roundId: string;
  documentId: string;
  documentTitle: string;
  number: number;
  outcome: RoundOutcome;
  closedAt: string;
  decisionSeq: number | null;
}

/** `GET /api/home`: what needs the caller, and what changed since their last visit. */
export interface HomeDto {
  /** Start of "since my last visit". */
  since: string;
  /** Open rounds still waiting for the caller's federation (representatives), most urgent first. */
  awaitingMyFederation: HomeRoundDto[];
  /** Unresolved threads naming the caller or their federation. */
  mentions: HomeCommentDto[];
  /** Unresolved threads nobody has answered yet (the caller's own left out). */
  unansweredThreads: HomeCommentDto[];
  editedDocuments: HomeEditedDocumentDto[];
  closedRounds: HomeClosedRoundDto[];
  /** Secretariat and admins only: every open round with the federations that have not answered. */
  followUp: HomeFollowUpRoundDto[] | null;
}

/** `POST /api/rounds/:id/reminders` answer. */
export interface FederationReminderResultDto {
  roundId: string;
  federation: FederationSlug;
  sentAt: string;
  nextReminderAt: string;
}
