import type { FederationSlug } from '../domain/federations';
import { silenceCountsAsAgreement } from './outcome';
import { NO_ANSWER_INFO, OUTCOME_INFO, type NonColourCue, type Tone } from './stances';
import type { CloseCause, ConsensusRule, RoundOutcome, RoundStatus } from './types';

/** What the page says of a federation without an answer, depending on how the round ended. */
export type NoAnswerCase = 'waiting' | 'silent_agree' | 'never_answered';

export interface NoAnswerInfo {
  label: string;
  description: string;
  cue: NonColourCue;
  tone: Tone;
}

export const NO_ANSWER_CASE_INFO: Readonly<Record<NoAnswerCase, NoAnswerInfo>> = {
  waiting: NO_ANSWER_INFO,
  silent_agree: {
    label: "Réputée d’accord",
    description: "Sans réponse à l’échéance : réputée d’accord (procédure de silence).",
    cue: { icon: 'circle-check', symbol: '✓' },
    tone: 'neutral',
  },
  never_answered: {
    label: 'Sans réponse',
    description: "Cette fédération n’a pas pris position avant la clôture du tour.",
    cue: { icon: 'circle-dashed', symbol: '…' },
    tone: 'neutral',
  },
};

export interface RoundClosingFacts {
  status: RoundStatus;
  rule: ConsensusRule;
  closeCause?: CloseCause | null;
}

/** Which wording a participant without an answer gets: awaited while open, then silent agreement or no answer. */
export function noAnswerCase(round: RoundClosingFacts): NoAnswerCase {
  if (round.status === 'open' || !round.closeCause) return 'waiting';
  return silenceCountsAsAgreement(round.rule, round.closeCause) ? 'silent_agree' : 'never_answered';
}

function federations(count: number): string {
  return count === 1 ? "1 fédération réputée d’accord" : `${count} fédérations réputées d’accord`;
}

export interface OutcomeWordingInput {
  outcome: RoundOutcome;
  rule: ConsensusRule;
  closeCause: CloseCause;
  participants: readonly FederationSlug[];
  /** The federations that answered (their stance does not matter here). */
  answered: readonly FederationSlug[];
}

/**
 * The sentence under a closed round's outcome, the same on the round page and in the register:
 * an adoption carried by silence says so and how many federations were deemed to agree
 * ("Le texte est adopté par procédure de silence — 4 fédérations réputées d'accord."), never
 * "par consensus".
 */
export function outcomeDescription(input: OutcomeWordingInput): string {
  const answered = new Set(input.answered);
  const silent = silenceCountsAsAgreement(input.rule, input.closeCause)
    ? input.participants.filter((slug) => !answered.has(slug)).length
    : 0;
  if (silent > 0 && input.outcome === 'adopted') {
    return `Le texte est adopté par procédure de silence — ${federations(silent)}.`;
  }
  if (silent > 0 && input.outcome === 'adopted_with_reservations') {
    return `Le texte est adopté par procédure de silence, avec réserves — ${federations(silent)} ; les réserves et les objections tranchées sont publiées.`;
  }
  if (input.outcome === 'adopted' && input.rule === 'silence') {
    return "Le texte est adopté : toutes les fédérations ont répondu, sans objection.";
  }
  return OUTCOME_INFO[input.outcome].description;
}
