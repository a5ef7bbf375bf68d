import type { DocumentStatus } from '../domain/documents';
import type { FederationSlug } from '../domain/federations';
import type { ObjectionAnswers } from './dto';
import { POSITION_LIMITS } from './position-validation';
import { orderedParticipants, positionsByParticipant, type CountedPosition } from './tally';
import type { CloseCause, ConsensusRule, FieldError, RoundOutcome, RoundStatus } from './types';

export interface RoundOutcomeInput {
  rule: ConsensusRule;
  participants: readonly FederationSlug[];
  positions: readonly CountedPosition[];
  cause: CloseCause;
  /** The facilitator's written answers to objections; used only under `rough` when the facilitator closes. */
  answers?: ObjectionAnswers;
}

/** The outcome and the federations behind it, in canonical federation order. */
export interface OutcomeExplanation {
  outcome: RoundOutcome;
  /** Objections that stand and block. */
  blocking: FederationSlug[];
  /** Objections answered by the facilitator under `rough`: they do not block. */
  ruled: FederationSlug[];
  /** Participants without an answer that are not counted as agreeing. */
  missing: FederationSlug[];
  /** Participants without an answer counted as agreeing (`silence` at the deadline). */
  silentAgree: FederationSlug[];
  /** `agree`, `reservations` and silent agreement. */
  supporters: FederationSlug[];
  withReservations: FederationSlug[];
}

/** Silence means agreement only under the silence procedure, and only once the deadline is reached. */
export function silenceCountsAsAgreement(rule: ConsensusRule, cause: CloseCause): boolean {
  return rule === 'silence' && cause === 'deadline';
}

/**
 * Written answers are part of the facilitator's act of closing a `rough` round: at the
 * deadline or on auto-close nobody rules, so every objection still stands there.
 */
export function answersApply(rule: ConsensusRule, cause: CloseCause): boolean {
  return rule === 'rough' && cause === 'facilitator';
}

export function isWrittenAnswer(answer: unknown): answer is string {
  return typeof answer === 'string' && answer.trim() !== '';
}

/**
 * The rules of DESIGN §3. Precedence, first match wins:
 * 1. cause `cancelled` → `cancelled`, whatever the positions.
 * 2. a standing objection → `blocked`, even if answers are missing: the text cannot go out
 *    as it is, and "blocked" tells the group what to work on; waiting would not change it.
 *    Under `silence` any objection breaks the silence, whatever the cause. Under `rough` an
 *    objection with a written answer from the closing facilitator is `ruled_in_the_rough`
 *    and does not block; one without an answer blocks.
 * 3. a participant without an answer → `no_quorum`. Under `silence` non-answers count as
 *    `agree` only at the deadline; closed earlier (facilitator, auto-close) they are missing,
 *    since the federations were promised until the deadline to speak.
 * 4. nobody supports the text (no `agree`/`reservations`/silent agreement, e.g. everyone
 *    stands aside, or there are no participants) → `no_quorum`: no objection stands, so
 *    `blocked` would send the group looking for one; what is missing is support.
 * 5. a reservation or an objection ruled in the rough → `adopted_with_reservations`: both are
 *    dissent published with the decision, and the outcome must not read as unanimous.
 * 6. otherwise `adopted`.
 */
export function explainOutcome(input: RoundOutcomeInput): OutcomeExplanation {
  const { rule, cause } = input;
  const participants = orderedParticipants(input.participants);
  const byFederation = positionsByParticipant(participants, input.positions);
  const silenceAgrees = silenceCountsAsAgreement(rule, cause);
  const canRule = answersApply(rule, cause);

  const explanation: OutcomeExplanation = {
    outcome: 'adopted',
    blocking: [],
    ruled: [],
    missing: [],
    silentAgree: [],
    supporters: [],
    withReservations: [],
  };
  for (const federation of participants) {
    const stance = byFederation.get(federation)?.stance;
    if (stance === undefined) {
      (silenceAgrees ? explanation.silentAgree : explanation.missing).push(federation);
      if (silenceAgrees) explanation.supporters.push(federation);
    } else if (stance === 'object') {
      const ruled = canRule && isWrittenAnswer(input.answers?.[federation]);
      (ruled ? explanation.ruled : explanation.blocking).push(federation);
    } else if (stance === 'agree' || stance === 'reservations') {
      explanation.supporters.push(federation);
      if (stance === 'reservations') explanation.withReservations.push(federation);
    }
  }

  explanation.outcome = decide(cause, explanation);
  return explanation;
}

function decide(cause: CloseCause, e: OutcomeExplanation): RoundOutcome {
  if (cause === 'cancelled') return 'cancelled';
  if (e.blocking.length > 0) return 'blocked';
  if (e.missing.length > 0) return 'no_quorum';
  if (e.supporters.length === 0) return 'no_quorum';
  if (e.withReservations.length > 0 || e.ruled.length > 0) return 'adopted_with_reservations';
  return 'adopted';
}

export function roundOutcome(input: RoundOutcomeInput): RoundOutcome {
  return explainOutcome(input).outcome;
}

export function isAdoption(outcome: RoundOutcome): boolean {
  return outcome === 'adopted' || outcome === 'adopted_with_reservations';
}

/** A round that does not adopt returns its document to drafting. */
export function documentStatusAfter(outcome: RoundOutcome): DocumentStatus {
  return isAdoption(outcome) ? 'adopted' : 'drafting';
}

/**
 * Auto-close fires once every participant has answered, whatever the stances.
 * A round without participants never auto-closes: it would close the moment it opens.
 */
export function shouldAutoClose(
  round: { status: RoundStatus; autoClose: boolean; participants: readonly FederationSlug[] },
  positions: readonly { federation: FederationSlug }[],
): boolean {
  if (round.status !== 'open' || !round.autoClose || round.participants.length === 0) return false;
  const answered = new Set(positions.map((position) => position.federation));
  return round.participants.every((federation) => answered.has(federation));
}

/**
 * A position may change while the round is open. With `closesAt` and `now`, a round whose
 * deadline has passed refuses positions even if the closing job has not run yet.
 */
export function canChangePosition(
  status: RoundStatus,
  timing?: { closesAt: string | Date; now: string | Date },
): boolean {
  if (status !== 'open') return false;
  if (!timing) return true;
  return new Date(timing.now).getTime() < new Date(timing.closesAt).getTime();
}

/**
 * Checks the body of `POST /api/rounds/:id/close`: answers exist only under `rough`, each
 * answers an objection that stands, and each is a non-empty text.
 */
export function validateCloseAnswers(input: {
  rule: ConsensusRule;
  participants: readonly FederationSlug[];
  positions: readonly CountedPosition[];
  answers: unknown;
}): FieldError[] {
  const { answers } = input;
  if (answers === undefined || answers === null) return [];
  if (typeof answers !== 'object' || Array.isArray(answers)) {
    return [{ field: 'answers', message: 'answers must be an object' }];
  }
  const entries = Object.entries(answers);
  if (entries.length === 0) return [];
  if (input.rule !== 'rough') {
    return [{ field: 'answers', message: 'answers are only allowed under rule rough' }];
  }
  const byFederation = positionsByParticipant(input.participants, input.positions);
  const errors: FieldError[] = [];
  for (const [key, answer] of entries) {
    const field = `answers.${key}`;
    if (byFederation.get(key as FederationSlug)?.stance !== 'object') {
      errors.push({ field, message: `${field} does not answer an objection of this round` });
    } else if (typeof answer !== 'string') {
      errors.push({ field, message: `${field} must be a string` });
    } else if (answer.trim() === '') {
      errors.push({ field, message: `${field} should not be empty` });
    } else if (answer.trim().length > POSITION_LIMITS.reasonMaxLength) {
      errors.push({
        field,
        message: `${field} must be shorter than or equal to ${POSITION_LIMITS.reasonMaxLength} characters`,
      });
    }
  }
  return errors;
}
