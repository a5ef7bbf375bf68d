import {
  FEDERATION_SHORT_NAMES,
  OUTCOME_INFO,
  STANCE_INFO,
  type RoundOutcome,
  type FederationSlug,
  type Stance,
  type TimelineEventType,
} from '@coupole/shared';
import type { TimelineEvent } from '../api/get-timeline';
import { formatDate } from '../../../lib/dates';

/** Catalogue key of each event's sentence; written out so the catalogue check can see them. */
export const TIMELINE_KEYS = {
  'document.created': 'timeline.events.documentCreated',
  'document.renamed': 'timeline.events.documentRenamed',
  'document.withdrawn': 'timeline.events.documentWithdrawn',
  'document.edited': 'timeline.events.documentEdited',
  'document.restored': 'timeline.events.documentRestored',
  'document.observers_changed': 'timeline.events.observersChanged',
  'document.archived': 'timeline.events.documentArchived',
  'document.unarchived': 'timeline.events.documentUnarchived',
  'version.created': 'timeline.events.versionCreated',
  'comment.created': 'timeline.events.commentCreated',
  'comment.replied': 'timeline.events.commentReplied',
  'comment.resolved': 'timeline.events.commentResolved',
  'comment.reopened': 'timeline.events.commentReopened',
  'round.opened': 'timeline.events.roundOpened',
  'position.cast': 'timeline.events.positionCast',
  'position.changed': 'timeline.events.positionChanged',
  'round.closed': 'timeline.events.roundClosed',
  'objection.withdrawn': 'timeline.events.objectionWithdrawn',
  'objection.integrated': 'timeline.events.objectionIntegrated',
  'amendment.applied': 'timeline.events.amendmentApplied',
  'reservation.integrated': 'timeline.events.reservationIntegrated',
  'round.deadline_extended': 'timeline.events.deadlineExtended',
  'round.federation_reminded': 'timeline.events.federationReminded',
  'document.published': 'timeline.events.documentPublished',
  'document.unpublished': 'timeline.events.documentUnpublished',
  'suggestion.created': 'timeline.events.suggestionCreated',
  'suggestion.accepted': 'timeline.events.suggestionAccepted',
  'suggestion.rejected': 'timeline.events.suggestionRejected',
  'suggestion.withdrawn': 'timeline.events.suggestionWithdrawn',
  'suggestion.orphaned': 'timeline.events.suggestionOrphaned',
} as const satisfies Record<TimelineEventType, string>;

/** A comment on a suggestion's card (`comment.created` with `suggestionId`), told apart from one on the text. */
const SUGGESTION_COMMENTED = 'timeline.events.suggestionCommented';

export type TimelineKey = (typeof TIMELINE_KEYS)[TimelineEventType] | typeof SUGGESTION_COMMENTED;

export interface EventDescription {
  key: TimelineKey;
  /** Interpolation values; every placeholder of every sentence gets a value, possibly ''. */
  values: Record<string, string | number>;
  /** An excerpt or quote to show under the sentence. */
  detail: string | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The French sentence (as key and values) for one timeline entry; the actor is shown apart. */
export function describeEvent(event: TimelineEvent): EventDescription {
  const payload = event.payload;
  const stance = text(payload.stance);
  const outcome = text(payload.outcome);
  const values: Record<string, string | number> = {
    title: text(payload.title),
    previousTitle: text(payload.previousTitle),
    version: text(payload.versionNumber ?? payload.number),
    label: text(payload.label),
    round: text(payload.roundNumber),
    federation: FEDERATION_SHORT_NAMES[text(payload.federation) as FederationSlug] ?? text(payload.federation),
    closesAt: payload.closesAt ? formatDate(text(payload.closesAt)) : '',
    stance: stance in STANCE_INFO ? STANCE_INFO[stance as Stance].label : stance,
    outcome: outcome in OUTCOME_INFO ? OUTCOME_INFO[outcome as RoundOutcome].label : outcome,
    count: event.count ?? 1,
  };
  const detail =
    text(payload.excerpt) ||
    (event.type === 'version.created' ? text(payload.label) : '') ||
    (event.type === 'round.deadline_extended' ? text(payload.reason) : '') ||
    null;
  const key = event.type === 'comment.created' && payload.suggestionId ? SUGGESTION_COMMENTED : TIMELINE_KEYS[event.type];
  return { key, values, detail };
}
