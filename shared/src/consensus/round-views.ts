import type { DiffPart, ParagraphChange } from '../editor/diff';
import type { ParagraphDto } from '../domain/documents';
import type { ParagraphUnit } from '../editor/paragraphs';
import type { ConvergenceRow } from './convergence';
import type {
  DeadlineExtensionDto,
  ObjectionAnswers,
  ObjectionDto,
  PositionAuthorDto,
  PositionDto,
  RoundDto,
  Tally,
} from './dto';
import type { ReservationState } from './amendments';
import type { FederationSlug } from '../domain/federations';
import type { ConsensusRule, RoundOutcome, RoundStatus } from './types';

// The round routes' answers beyond DESIGN §5's RoundDto, shared by the server and the client.

/** An objection as shown in a round: its own, or carried from an earlier round. */
/** A paragraph an objection concerns, numbered and worded as in the version it was raised on. */
export interface ObjectionConcernDto {
  /** The block's number (§ 6 for § 6 and § 6.1). */
  number: number;
  /** `§ 6` or `§ 6.1`. */
  label: string;
  markdown: string;
}

export interface RoundObjectionDto extends ObjectionDto {
  id: string;
  raisedInRound: number;
  /** Raised in an earlier round and shown in this one. */
  carried: boolean;
  /** For a carried objection: what it concerns in the version it was raised on (its paragraph ids are that version's). */
  concerns?: ObjectionConcernDto[];
  /** Still open, its amendment accepted into the draft: the next frozen version that contains it integrates it. */
  amendmentAccepted?: boolean;
}

/**
 * A reservation cast in a round (`D’accord avec réserves`): it never blocks, and may carry an
 * amendment of the paragraphs it points at, offered to the drafters as suggestions like an
 * objection's.
 */
export interface RoundReservationDto {
  id: string;
  federation: FederationSlug;
  raisedInRound: number;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  state: ReservationState;
  /** Still open, its amendment accepted into the draft: the next frozen version integrates it. */
  amendmentAccepted?: boolean;
  /** The version that integrated it, once `integrated`. */
  integratedInVersion: number | null;
  raisedBy: PositionAuthorDto;
  raisedAt: string;
}

/** What changed between the previous round's version and this round's. */
export interface PreviousRoundDiffDto {
  roundNumber: number;
  version: number;
  contentHash: string;
  words: DiffPart[];
  paragraphs: ParagraphChange[];
}

/** `GET /api/rounds/:id`: RoundDto (DESIGN §5) and what the round page shows. */
export interface RoundDetailDto extends RoundDto {
  versionId: string;
  /** The frozen text the federations answer on. */
  markdown: string;
  paragraphs: ParagraphDto[];
  /** The addressable paragraphs of the frozen text: items and rows one by one, headings as labels. */
  units: ParagraphUnit[];
  objections: RoundObjectionDto[];
  /** The reservations cast in this round (not those withdrawn by a later cast), in federation order. */
  reservations: RoundReservationDto[];
  convergence: ConvergenceRow[];
  previousRound: PreviousRoundDiffDto | null;
  outcomeStatement: string | null;
  answers: ObjectionAnswers | null;
  decisionSeq: number | null;
  openedBy: PositionAuthorDto;
  openedAt: string;
  closedBy: PositionAuthorDto | null;
  /** Each move of the deadline, oldest first (empty when it never moved). */
  deadlineExtensions: DeadlineExtensionDto[];
  /** The last `round.updated` this answer includes (0 before the first cast). */
  seq: number;
}

/** A list item of `GET /api/documents/:id/rounds`. */
export interface RoundSummaryDto {
  id: string;
  documentId: string;
  number: number;
  version: number;
  question: string;
  rule: ConsensusRule;
  autoClose: boolean;
  closesAt: string;
  status: RoundStatus;
  outcome?: RoundOutcome;
  closedAt?: string;
  decisionSeq: number | null;
  tally: Tally;
}

/** Answer of `PUT /api/rounds/:id/position`, once the position is committed. */
export interface CastPositionResponseDto {
  roundId: string;
  status: RoundStatus;
  outcome?: RoundOutcome;
  position: PositionDto;
  tally: Tally;
  /** The `seq` of this cast's `round.updated` event. */
  seq: number;
  /** As in that event: the federation's objection as the cast left it, or null. */
  objection: RoundObjectionDto | null;
  /** As in that event: the federation's reservation as the cast left it, or null. */
  reservation?: RoundReservationDto | null;
}
