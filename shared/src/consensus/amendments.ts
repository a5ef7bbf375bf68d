import { amendmentAccepted } from '../suggestions/amendment-suggestions';
import type { SuggestionStatus } from '../suggestions/suggestions';
import { isAmendmentIntegrated } from './objections';

/**
 * Amendments in rounds (issue #10): an objection or a reservation may propose replacement text
 * for the paragraphs it points at. An objection's amendment is what would lift a block; a
 * reservation's is a non-blocking proposal ("I can live with the text, better like this").
 */
export const AMENDMENT_SOURCES = ['objection', 'reservation'] as const;
export type AmendmentSource = (typeof AMENDMENT_SOURCES)[number];

/** Which record an amendment (and its suggestions) belongs to. */
export type AmendmentOwner = { source: AmendmentSource; id: string };

/** Only an objection's amendment answers a block; a reservation's never holds the text back. */
export function amendmentBlocks(source: AmendmentSource): boolean {
  return source === 'objection';
}

/**
 * A reservation, once cast, lives like an objection but never blocks: `open` while its round
 * runs and after, `integrated` when a frozen version carries its amendment, `withdrawn` when its
 * federation changes stance in the round (or casts another reservation, which replaces it).
 */
export const RESERVATION_STATES = ['open', 'integrated', 'withdrawn'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

export const RESERVATION_EVENTS = ['integrate', 'withdraw'] as const;
export type ReservationEvent = (typeof RESERVATION_EVENTS)[number];

export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationState, Readonly<Partial<Record<ReservationEvent, ReservationState>>>>> = {
  open: { integrate: 'integrated', withdraw: 'withdrawn' },
  integrated: {},
  withdrawn: {},
};

/** The next state, or `null` when the event is not allowed from `state` (the server answers 409). */
export function reservationTransition(state: ReservationState, event: ReservationEvent): ReservationState | null {
  return RESERVATION_TRANSITIONS[state][event] ?? null;
}

/**
 * Whether the drafters took an amendment into the draft: "Accepter l’amendement dans le
 * brouillon" recorded it (`acceptedAt`, also for an amendment that has no suggestion at all:
 * formatting, added paragraphs), or every current suggestion of it was accepted one by one.
 */
export function amendmentTaken(input: { acceptedAt: Date | string | null; statuses: readonly SuggestionStatus[] }): boolean {
  return input.acceptedAt != null || amendmentAccepted(input.statuses);
}

/**
 * Whether a version frozen now integrates an amendment: taken into the draft it is frozen from,
 * or its text found in the version. An amendment-less record is never integrated.
 */
export function amendmentIntegratedBy(input: { amendment: string | null; taken: boolean; versionMarkdown: string }): boolean {
  if (!input.amendment) return false;
  return input.taken || isAmendmentIntegrated(input.amendment, input.versionMarkdown);
}
