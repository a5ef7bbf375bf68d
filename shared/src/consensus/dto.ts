import type { DocumentKind } from '../domain/documents';
import type { FederationSlug } from '../domain/federations';
import type { Mandate } from '../domain/users';
import type { CloseCause, ConsensusRule, ObjectionState, RoundOutcome, RoundStatus, Stance } from './types';

/** Body of `PUT /api/rounds/:id/position`. */
export interface PositionInput {
  stance: Stance;
  reason?: string | null;
  paragraphs?: string[];
  amendment?: string | null;
  noAmendmentPossible?: boolean;
  /** Consultations of the ILI the position rests on (ids); the caster's federation must be allowed to cite them. */
  evidence?: string[];
}

/** A consultation cited by a position: "fondée sur : <title> — N ILI sur M ont répondu". */
export interface EvidenceDto {
  consultationId: string;
  title: string;
  invited: number;
  responded: number;
}

/** Who cast a federation's voice: the titular or one of the substitutes. */
export interface PositionAuthorDto {
  id: string;
  displayName: string;
  mandate: Mandate | null;
}

/** A position as cast, after trimming: empty texts are `null`, `paragraphs` is never absent. */
export interface CastPositionDto {
  federation: FederationSlug;
  stance: Stance;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  noAmendmentPossible: boolean;
  castBy: PositionAuthorDto;
  castAt: string;
}

/** One earlier state of a position, oldest first. */
export type PositionChangeDto = Omit<CastPositionDto, 'federation'>;

export interface PositionDto extends CastPositionDto {
  history: PositionChangeDto[];
  /** The consultations it cites, as they stand now. */
  evidence: EvidenceDto[];
}

export interface ReservationSummary {
  federation: FederationSlug;
  reason: string | null;
  paragraphs: string[];
}

export interface Tally {
  participants: FederationSlug[];
  counts: Record<Stance, number>;
  answered: FederationSlug[];
  missing: FederationSlug[];
  /** Federations whose current stance is `object`. */
  objecting: FederationSlug[];
  reservations: ReservationSummary[];
  progress: { answered: number; total: number; ratio: number };
}

export interface ObjectionDto {
  id?: string;
  federation: FederationSlug;
  /** Number of the round in which the objection was raised (it may be carried to later rounds). */
  raisedInRound?: number;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  noAmendmentPossible: boolean;
  state: ObjectionState;
  /** The facilitator's written answer, set when `state` is `ruled_in_the_rough`. */
  answer: string | null;
  raisedBy: PositionAuthorDto;
  raisedAt: string;
}

/** Facilitator's written answers to objections when closing under `rough`, by objecting federation. */
export type ObjectionAnswers = Partial<Record<FederationSlug, string>>;

/** Body of `POST /api/rounds/:id/close`. */
export interface CloseRoundInput {
  answers?: ObjectionAnswers;
}

export interface RoundDto {
  id: string;
  documentId: string;
  number: number;
  /** Version number the round is held on (never the moving draft). */
  version: number;
  contentHash: string;
  question: string;
  rule: ConsensusRule;
  autoClose: boolean;
  closesAt: string;
  participants: FederationSlug[];
  status: RoundStatus;
  outcome?: RoundOutcome;
  closeCause?: CloseCause;
  closedAt?: string;
  tally: Tally;
  positions: PositionDto[];
  /** This round's objections and those carried from the previous round. */
  objections: ObjectionDto[];
}

/** Body of `POST /api/documents/:id/rounds`. */
export interface OpenRoundInput {
  version: number;
  question: string;
  closesAt: string;
  rule?: ConsensusRule;
  autoClose?: boolean;
}

/**
 * A federation's final position as published in the decision register (its history is not).
 * From record format 3 on, `evidence` holds the consultations it cited with their figures at
 * closing time, frozen (`[]` when it cited none); records of formats 1 and 2 have none.
 */
export interface DecisionPositionDto extends CastPositionDto {
  evidence?: EvidenceDto[];
}

export interface DecisionDto {
  /**
   * Format of the hashed record: absent on the register's first records (format 1); 2 adds
   * `documentKind`, so that every field the API serves is hashed; 3 adds each position's
   * `evidence` as it stood at closing. Old records keep their hash.
   */
  recordVersion?: number;
  seq: number;
  roundId: string;
  roundNumber: number;
  documentId: string;
  documentTitle: string;
  /** Hashed from record format 2 on. */
  documentKind?: DocumentKind;
  version: number;
  versionId?: string;
  contentHash: string;
  question: string;
  rule: ConsensusRule;
  outcome: RoundOutcome;
  closeCause: CloseCause;
  participants: FederationSlug[];
  positions: DecisionPositionDto[];
  objections: ObjectionDto[];
  closedAt: string;
  closedBy: PositionAuthorDto | null;
  /** Every deadline extension of the round, oldest first; absent when the deadline never moved. */
  deadlineExtensions?: DeadlineExtensionDto[];
  prevHash: string;
  hash: string;
}

/** The secretariat moved a round's deadline: kept in the timeline and in the decision record. */
export interface DeadlineExtensionDto {
  previousClosesAt: string;
  closesAt: string;
  extendedAt: string;
  extendedBy: PositionAuthorDto;
  reason: string | null;
}

/** What the hash covers: the decision without its own hash. */
export type DecisionRecord = Omit<DecisionDto, 'hash'>;

/**
 * `row`: a stored column the API serves (document, kind, round, closing time) disagrees with the
 * hashed record; `text`: the decided version's text no longer has the record's SHA-256;
 * `published_head`: the chain no longer holds a head published earlier (a deleted last row or a
 * recomputed chain).
 */
export type VerifyFailure = 'seq' | 'prev_hash' | 'hash' | 'row' | 'text' | 'published_head';

export interface VerifyResult {
  valid: boolean;
  length: number;
  /** Hash of the last decision that verified (`GENESIS_HASH` if none). */
  head: string;
  firstBrokenSeq?: number;
  failure?: VerifyFailure;
}
