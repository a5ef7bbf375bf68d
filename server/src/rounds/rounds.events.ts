import type { ConsensusRule, FederationSlug, RoundOutcome, RoundUpdatedPayload, Tally } from '@coupole/shared';

/** A round as its listeners need it (the rounds module's `Round` has these fields). */
export interface RoundFacts {
  id: string;
  documentId: string;
  number: number;
  question: string;
  rule: ConsensusRule;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

export interface RoundOpened {
  round: RoundFacts;
}

/** A position was cast or changed: the new tally. */
export interface RoundUpdated {
  roundId: string;
  documentId: string;
  at: Date;
  tally: Tally;
  seq: number;
  position: RoundUpdatedPayload['position'];
  objection: RoundUpdatedPayload['objection'];
  reservation: RoundUpdatedPayload['reservation'];
}

export interface RoundClosed {
  round: RoundFacts;
  outcome: RoundOutcome;
  /** The decision's place in the register, or null for a cancelled round. */
  decisionSeq: number | null;
}

/** The secretariat moved an open round's deadline (committed; recorded in the timeline). */
export interface RoundDeadlineExtendedEvent {
  roundId: string;
  documentId: string;
  number: number;
  question: string;
  rule: ConsensusRule;
  previousClosesAt: string;
  closesAt: string;
  reason: string | null;
  actorId: string;
}

/** A cast position cites consultations (committed): citing shares them with every member. */
export interface PositionCitedEvent {
  roundId: string;
  federation: FederationSlug;
  consultationIds: string[];
}

export interface RoundEvents {
  'position.cited': PositionCitedEvent;
  'round.opened': RoundOpened;
  'round.updated': RoundUpdated;
  'round.closed': RoundClosed;
  'round.deadline_extended': RoundDeadlineExtendedEvent;
}

/** The plain fields listeners get, never the entity itself. */
export function roundFacts(round: RoundFacts): RoundFacts {
  const { id, documentId, number, question, rule, openedAt, closesAt, closedAt } = round;
  return { id, documentId, number, question, rule, openedAt, closesAt, closedAt };
}
