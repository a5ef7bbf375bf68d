import type { DecisionDto, DecisionPositionDto, ObjectionDto, VerifyResult } from '../consensus/dto';
import type { RoundOutcome } from '../consensus/types';
import type { DocumentKind, ParagraphDto } from './documents';
import type { FederationSlug } from './federations';

/** Query of `GET /api/decisions` (every filter optional). */
export interface DecisionSearchQuery {
  /** French full-text search over title, question, reasons, answers and outcome statement. */
  q?: string;
  kind?: DocumentKind;
  outcome?: RoundOutcome;
  /** Decisions in which this federation cast a position. */
  federation?: FederationSlug;
  /** Closed on or after (ISO 8601 date or date-time). */
  from?: string;
  /** Closed on or before; a bare date includes that whole day (Europe/Brussels). */
  to?: string;
  limit?: number;
  offset?: number;
}

/** A register entry as listed: the hashed record plus what the register knows around it. */
export interface DecisionSummaryDto extends DecisionDto {
  documentKind: DocumentKind;
  /** One French sentence: the outcome, the rule and how the federations answered. */
  outcomeStatement: string;
}

/** A published reservation (stance `reservations`), with who cast it. */
export type DecisionReservationDto = Pick<DecisionPositionDto, 'federation' | 'reason' | 'paragraphs' | 'castBy' | 'castAt'>;

/** `GET /api/decisions/:seq`: the record, the decided text and its published parts. */
export interface DecisionDetailDto extends DecisionSummaryDto {
  /** The version the round was held on, as decided. */
  text: { number: number; markdown: string; contentHash: string; paragraphs: ParagraphDto[] } | null;
  reservations: DecisionReservationDto[];
  /** Objections with their fate (`state`) and, when ruled in the rough, the written answer. */
  objections: ObjectionDto[];
}

/** `GET /api/decisions/verify`. */
export interface DecisionChainVerification extends VerifyResult {
  /**
   * How many of the verified decisions the caller may read (an observer: those on the documents
   * they are invited to): the count to show them, `length` being the whole chain's.
   */
  visible: number;
}
