export const STANCES = ['agree', 'reservations', 'stand_aside', 'object'] as const;
export type Stance = (typeof STANCES)[number];

export const CONSENSUS_RULES = ['consensus', 'silence', 'rough'] as const;
export type ConsensusRule = (typeof CONSENSUS_RULES)[number];
export const DEFAULT_CONSENSUS_RULE: ConsensusRule = 'consensus';

export const ROUND_OUTCOMES = [
  'adopted',
  'adopted_with_reservations',
  'blocked',
  'no_quorum',
  'cancelled',
] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

export const CLOSE_CAUSES = ['deadline', 'facilitator', 'auto_close', 'cancelled'] as const;
export type CloseCause = (typeof CLOSE_CAUSES)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const OBJECTION_STATES = ['open', 'integrated', 'withdrawn', 'ruled_in_the_rough'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_EVENTS = ['integrate', 'withdraw', 'rule_in_the_rough'] as const;
export type ObjectionEvent = (typeof OBJECTION_EVENTS)[number];

/** A validation failure on one request field; `message` names the field, in English. */
export interface FieldError {
  field: string;
  message: string;
}
