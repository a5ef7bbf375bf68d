import type {
  ConvergenceRow,
  DiffPart,
  ObjectionAnswers,
  ObjectionDto,
  ParagraphChange,
  ParagraphDto,
  PositionAuthorDto,
  PositionDto,
  RoundDto,
  RoundOutcome,
  RoundStatus,
  Tally,
  ConsensusRule,
} from '@coupole/shared';

// The round routes' answers beyond DESIGN §5's RoundDto, as server/src/rounds/dto/round-detail.dto.ts sends them.

export interface RoundObjectionDto extends ObjectionDto {
  id: string;
  raisedInRound: number;
  /** Raised in an earlier round and shown in this one. */
  carried: boolean;
}

export interface PreviousRoundDiffDto {
  roundNumber: number;
  version: number;
  contentHash: string;
  words: DiffPart[];
  paragraphs: ParagraphChange[];
}

/** `GET /api/rounds/:id`. */
export interface RoundDetailDto extends RoundDto {
  versionId: string;
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

/** An item of `GET /api/documents/:id/rounds`. */
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

/** `PUT /api/rounds/:id/position`. */
export interface CastPositionResponseDto {
  roundId: string;
  status: RoundStatus;
  outcome?: RoundOutcome;
  position: PositionDto;
  tally: Tally;
}
