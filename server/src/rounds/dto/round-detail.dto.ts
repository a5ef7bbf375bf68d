import type {
  CastPositionDto,
  ConvergenceRow,
  DiffPart,
  ObjectionAnswers,
  ObjectionDto,
  ParagraphChange,
  ParagraphDto,
  PositionAuthorDto,
  PositionChangeDto,
  PositionDto,
  RoundDto,
  RoundOutcome,
  RoundStatus,
  Tally,
} from '@coupole/shared';
import type { User } from '../../users/user.entity';
import type { Objection } from '../objection.entity';
import type { PositionChange } from '../position-change.entity';
import type { Position } from '../position.entity';
import type { Round } from '../round.entity';

/** An objection as shown in a round: its own, or carried from an earlier round. */
export interface RoundObjectionDto extends ObjectionDto {
  id: string;
  raisedInRound: number;
  /** Raised in an earlier round and shown in this one. */
  carried: boolean;
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
  objections: RoundObjectionDto[];
  convergence: ConvergenceRow[];
  previousRound: PreviousRoundDiffDto | null;
  outcomeStatement: string | null;
  answers: ObjectionAnswers | null;
  decisionSeq: number | null;
  openedBy: PositionAuthorDto;
  openedAt: string;
  closedBy: PositionAuthorDto | null;
}

/** A list item of `GET /api/documents/:id/rounds`. */
export interface RoundSummaryDto {
  id: string;
  documentId: string;
  number: number;
  version: number;
  question: string;
  rule: Round['rule'];
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
}

export function toAuthor(user: Pick<User, 'id' | 'displayName' | 'mandate'>): PositionAuthorDto {
  return { id: user.id, displayName: user.displayName, mandate: user.mandate ?? null };
}

/** A user who left no trace (should not happen: users are never deleted, only deactivated). */
const UNKNOWN_AUTHOR: PositionAuthorDto = { id: '', displayName: '', mandate: null };

export function toCastPosition(position: Position): CastPositionDto {
  return {
    federation: position.federation,
    stance: position.stance,
    reason: position.reason,
    paragraphs: [...position.paragraphs],
    amendment: position.amendment,
    noAmendmentPossible: position.noAmendmentPossible,
    castBy: position.castBy ? toAuthor(position.castBy) : UNKNOWN_AUTHOR,
    castAt: position.castAt.toISOString(),
  };
}

export function toPositionChange(change: PositionChange): PositionChangeDto {
  return {
    stance: change.stance,
    reason: change.reason,
    paragraphs: [...change.paragraphs],
    amendment: change.amendment,
    noAmendmentPossible: change.noAmendmentPossible,
    castBy: change.castBy ? toAuthor(change.castBy) : UNKNOWN_AUTHOR,
    castAt: change.castAt.toISOString(),
  };
}

/** `changes` holds every revision of this position, the current one included. */
export function toPositionDto(position: Position, changes: readonly PositionChange[]): PositionDto {
  const history = changes
    .filter((change) => change.federation === position.federation && change.revision < position.revision)
    .sort((a, b) => a.revision - b.revision)
    .map(toPositionChange);
  return { ...toCastPosition(position), history };
}

export function toObjectionDto(objection: Objection, roundId: string): RoundObjectionDto {
  return {
    id: objection.id,
    federation: objection.federation,
    raisedInRound: objection.raisedInRoundNumber,
    reason: objection.reason,
    paragraphs: [...objection.paragraphs],
    amendment: objection.amendment,
    noAmendmentPossible: objection.noAmendmentPossible,
    state: objection.state,
    answer: objection.answer,
    raisedBy: objection.raisedBy ? toAuthor(objection.raisedBy) : UNKNOWN_AUTHOR,
    raisedAt: objection.raisedAt.toISOString(),
    carried: objection.raisedInRoundId !== roundId,
  };
}
