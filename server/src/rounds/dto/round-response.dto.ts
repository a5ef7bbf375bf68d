import {
  CLOSE_CAUSES,
  CONSENSUS_RULES,
  FEDERATION_SLUGS,
  MANDATES,
  OBJECTION_STATES,
  RESERVATION_STATES,
  ROUND_OUTCOMES,
  ROUND_STATUSES,
  STANCES,
  type CastPositionDto,
  type EvidenceDto,
  type CastPositionResponseDto,
  type CloseCause,
  type ConsensusRule,
  type ConvergenceEntry,
  type ConvergenceRow,
  type DiffPart,
  type FederationSlug,
  type ListResponse,
  type Mandate,
  type ObjectionAnswers,
  type ObjectionDto,
  type ObjectionState,
  type ParagraphChange,
  type ParagraphDto,
  type PositionAuthorDto,
  type PositionChangeDto,
  type PositionDto,
  type PreviousRoundDiffDto,
  type ReservationSummary,
  type RoundDetailDto,
  type ObjectionConcernDto,
  type ParagraphUnit,
  type RoundObjectionDto,
  type RoundReservationDto,
  type ReservationState,
  type RoundOutcome,
  type RoundStatus,
  type RoundSummaryDto,
  type Stance,
  type Tally,
  type DeadlineExtensionDto,
} from '@coupole/shared';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DiffPartResponseDto, PARAGRAPH_CHANGE_MODELS, ParagraphChangesProperty } from '../../versions/dto/diff-response.dto';
import { ParagraphResponseDto, ParagraphUnitResponseDto } from '../../versions/dto/paragraph-response.dto';
import { ListResponseDto } from '../../common/list-response.dto';

// The OpenAPI shapes of the round routes' answers; each class is checked against the shared type
// the service returns (`implements`), so the document cannot drift from what is sent.

export class PositionAuthorResponseDto implements PositionAuthorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: MANDATES, nullable: true, type: String })
  mandate: Mandate | null;
}

export class DeadlineExtensionResponseDto implements DeadlineExtensionDto {
  @ApiProperty({ format: 'date-time' })
  previousClosesAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ format: 'date-time' })
  extendedAt: string;

  @ApiProperty({ type: PositionAuthorResponseDto })
  extendedBy: PositionAuthorDto;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;
}

export class PositionChangeResponseDto implements PositionChangeDto {
  @ApiProperty({ enum: STANCES })
  stance: Stance;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ type: [String], description: 'Paragraph ids of the frozen version the position points at' })
  paragraphs: string[];

  @ApiProperty({ nullable: true, type: String, description: 'Proposed replacement text (Markdown)' })
  amendment: string | null;

  @ApiProperty()
  noAmendmentPossible: boolean;

  @ApiProperty({ type: PositionAuthorResponseDto })
  castBy: PositionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  castAt: string;
}

export class CastPositionResponseItemDto extends PositionChangeResponseDto implements CastPositionDto {
  @ApiProperty({ enum: FEDERATION_SLUGS })
  federation: FederationSlug;
}

export class EvidenceResponseDto implements EvidenceDto {
  @ApiProperty({ format: 'uuid' })
  consultationId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'ILI invited (links not revoked).' })
  invited: number;

  @ApiProperty()
  responded: number;
}

export class PositionResponseDto extends CastPositionResponseItemDto implements PositionDto {
  @ApiProperty({ type: [PositionChangeResponseDto], description: 'Earlier states of this position, oldest first' })
  history: PositionChangeDto[];

  @ApiProperty({ type: [EvidenceResponseDto], description: 'The consultations of the ILI it cites: "fondée sur : <titre> — N ILI sur M ont répondu".' })
  evidence: EvidenceResponseDto[];
}

export class ReservationSummaryResponseDto implements ReservationSummary {
  @ApiProperty({ enum: FEDERATION_SLUGS })
  federation: FederationSlug;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ type: [String] })
  paragraphs: string[];
}

export class StanceCountsResponseDto implements Record<Stance, number> {
  @ApiProperty()
  agree: number;

  @ApiProperty()
  reservations: number;

  @ApiProperty()
  stand_aside: number;

  @ApiProperty()
  object: number;
}

export class TallyProgressResponseDto {
  @ApiProperty()
  answered: number;

  @ApiProperty()
  total: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  ratio: number;
}

export class TallyResponseDto implements Tally {
  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true })
  participants: FederationSlug[];

  @ApiProperty({ type: StanceCountsResponseDto })
  counts: Record<Stance, number>;

  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true })
  answered: FederationSlug[];

  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true })
  missing: FederationSlug[];

  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true, description: 'Federations whose current stance is `object`' })
  objecting: FederationSlug[];

  @ApiProperty({ type: [ReservationSummaryResponseDto] })
  reservations: ReservationSummary[];

  @ApiProperty({ type: TallyProgressResponseDto })
  progress: { answered: number; total: number; ratio: number };
}

/**
 * What every objection shows: a federation's reason on paragraphs, as a reservation states it, and
 * more; its id and round are optional in the register's records.
 */
abstract class ObjectionFieldsResponseDto extends ReservationSummaryResponseDto {
  @ApiProperty({ nullable: true, type: String })
  amendment: string | null;

  @ApiProperty()
  noAmendmentPossible: boolean;

  @ApiProperty({ enum: OBJECTION_STATES })
  state: ObjectionState;

  @ApiProperty({ nullable: true, type: String, description: "The facilitator's written answer (ruled in the rough)" })
  answer: string | null;

  @ApiProperty({ type: PositionAuthorResponseDto })
  raisedBy: PositionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;
}

export class ObjectionResponseDto extends ObjectionFieldsResponseDto implements ObjectionDto {
  @ApiPropertyOptional({ format: 'uuid' })
  id?: string;

  @ApiPropertyOptional({ description: 'Number of the round in which the objection was raised' })
  raisedInRound?: number;
}

export class ObjectionConcernResponseDto implements ObjectionConcernDto {
  @ApiProperty({ description: 'The block number (§) in the version the objection was raised on (6 for § 6 and § 6.1)' })
  number: number;

  @ApiProperty({ example: '§ 6.1', description: 'The paragraph as a clerk cites it: § N, or § N.k for item or row k of § N' })
  label: string;

  @ApiProperty({ description: 'That paragraph, as written in that version (Markdown)' })
  markdown: string;
}

export class RoundObjectionResponseDto extends ObjectionFieldsResponseDto implements RoundObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Number of the round in which the objection was raised' })
  raisedInRound: number;

  @ApiProperty({ description: 'Raised in an earlier round and shown in this one' })
  carried: boolean;

  @ApiPropertyOptional({
    type: [ObjectionConcernResponseDto],
    description: 'For a carried objection: the paragraphs it concerns, numbered and worded as in the version it was raised on',
  })
  concerns?: ObjectionConcernDto[];

  @ApiPropertyOptional({
    description: 'Open objection whose amendment the drafters accepted into the draft: the next frozen version that contains it integrates the objection',
  })
  amendmentAccepted?: boolean;
}

/** A reservation cast in a round: consent that does not block, possibly with an amendment offered as suggestions. */
export class RoundReservationResponseDto extends ReservationSummaryResponseDto implements RoundReservationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Number of the round in which the reservation was cast' })
  raisedInRound: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Replacement text (Markdown) for its paragraphs, also stored as suggestions (`reservationId`) against the version; never blocks the round',
  })
  amendment: string | null;

  @ApiProperty({ enum: RESERVATION_STATES, description: '`integrated` once a frozen version carries its amendment; `withdrawn` ones are not listed' })
  state: ReservationState;

  @ApiPropertyOptional({ description: 'Open reservation whose amendment the drafters accepted into the draft: the next frozen version integrates it' })
  amendmentAccepted?: boolean;

  @ApiProperty({ nullable: true, type: Number, description: 'The version that integrated it' })
  integratedInVersion: number | null;

  @ApiProperty({ type: PositionAuthorResponseDto })
  raisedBy: PositionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;
}

export class ConvergenceEntryResponseDto implements ConvergenceEntry {
  @ApiProperty({ enum: FEDERATION_SLUGS })
  federation: FederationSlug;

  @ApiProperty({ enum: ['paragraph', 'whole_text'] })
  scope: 'paragraph' | 'whole_text';
}

export class ConvergenceStancesResponseDto implements Record<Stance, ConvergenceEntry[]> {
  @ApiProperty({ type: [ConvergenceEntryResponseDto] })
  agree: ConvergenceEntry[];

  @ApiProperty({ type: [ConvergenceEntryResponseDto] })
  reservations: ConvergenceEntry[];

  @ApiProperty({ type: [ConvergenceEntryResponseDto] })
  stand_aside: ConvergenceEntry[];

  @ApiProperty({ type: [ConvergenceEntryResponseDto] })
  object: ConvergenceEntry[];
}

export class ConvergenceRowResponseDto implements ConvergenceRow {
  @ApiProperty()
  paragraphId: string;

  @ApiProperty({ type: ConvergenceStancesResponseDto })
  stances: Record<Stance, ConvergenceEntry[]>;
}

@ApiExtraModels(...PARAGRAPH_CHANGE_MODELS)
export class PreviousRoundDiffResponseDto implements PreviousRoundDiffDto {
  @ApiProperty()
  roundNumber: number;

  @ApiProperty()
  version: number;

  @ApiProperty()
  contentHash: string;

  @ApiProperty({ type: [DiffPartResponseDto] })
  words: DiffPart[];

  @ParagraphChangesProperty('What changed, block by block, since the previous round')
  paragraphs: ParagraphChange[];
}

export class ObjectionAnswersResponseDto implements ObjectionAnswers {
  @ApiPropertyOptional()
  aleap?: string;

  @ApiPropertyOptional()
  caips?: string;

  @ApiPropertyOptional()
  codef?: string;

  @ApiPropertyOptional()
  fdss?: string;

  @ApiPropertyOptional()
  risome?: string;
}

export class RoundSummaryResponseDto implements RoundSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  number: number;

  @ApiProperty({ description: 'Number of the frozen version the round is held on' })
  version: number;

  @ApiProperty()
  question: string;

  @ApiProperty({ enum: CONSENSUS_RULES })
  rule: ConsensusRule;

  @ApiProperty()
  autoClose: boolean;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ enum: ROUND_STATUSES })
  status: RoundStatus;

  @ApiPropertyOptional({ enum: ROUND_OUTCOMES })
  outcome?: RoundOutcome;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Register entry, once closed' })
  decisionSeq: number | null;

  @ApiProperty({ type: TallyResponseDto })
  tally: Tally;
}

export class RoundListResponseDto extends ListResponseDto(RoundSummaryResponseDto) implements ListResponse<RoundSummaryDto> {}

/** A round as its page shows it: the list's summary and all the round holds. */
export class RoundDetailResponseDto extends RoundSummaryResponseDto implements RoundDetailDto {
  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the frozen Markdown' })
  contentHash: string;

  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true })
  participants: FederationSlug[];

  @ApiPropertyOptional({ enum: CLOSE_CAUSES })
  closeCause?: CloseCause;

  @ApiProperty({ type: [PositionResponseDto] })
  positions: PositionDto[];

  @ApiProperty({ type: [RoundObjectionResponseDto], description: "This round's objections and those carried from the previous one" })
  objections: RoundObjectionDto[];

  @ApiProperty({ type: [RoundReservationResponseDto], description: "This round's reservations (not those a later cast replaced), with their amendments" })
  reservations: RoundReservationDto[];

  @ApiProperty({ description: 'The frozen text the federations answer on (Markdown)' })
  markdown: string;

  @ApiProperty({ type: [ParagraphResponseDto] })
  paragraphs: ParagraphDto[];

  @ApiProperty({
    type: [ParagraphUnitResponseDto],
    description: 'The addressable paragraphs of the frozen text: list items and table rows one by one, headings as labels (not objectable)',
  })
  units: ParagraphUnit[];

  @ApiProperty({ type: [ConvergenceRowResponseDto], description: 'Paragraph by paragraph, who agrees, reserves or objects' })
  convergence: ConvergenceRow[];

  @ApiProperty({ type: PreviousRoundDiffResponseDto, nullable: true })
  previousRound: PreviousRoundDiffDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'One French sentence once closed' })
  outcomeStatement: string | null;

  @ApiProperty({ type: ObjectionAnswersResponseDto, nullable: true })
  answers: ObjectionAnswers | null;

  @ApiProperty({ type: PositionAuthorResponseDto })
  openedBy: PositionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ type: PositionAuthorResponseDto, nullable: true })
  closedBy: PositionAuthorDto | null;

  @ApiProperty({ type: [DeadlineExtensionResponseDto], description: 'Each move of the deadline, oldest first.' })
  deadlineExtensions: DeadlineExtensionDto[];
  @ApiProperty({ description: 'The last `round.updated` event (its `seq`) this answer includes; 0 before the first cast' })
  seq: number;
}

export class CastPositionResultResponseDto implements CastPositionResponseDto {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ enum: ROUND_STATUSES })
  status: RoundStatus;

  @ApiPropertyOptional({ enum: ROUND_OUTCOMES })
  outcome?: RoundOutcome;

  @ApiProperty({ type: PositionResponseDto })
  position: PositionDto;

  @ApiProperty({ type: TallyResponseDto })
  tally: Tally;
  @ApiProperty({ description: 'The `seq` of the `round.updated` event this cast published' })
  seq: number;

  @ApiProperty({
    type: RoundObjectionResponseDto,
    nullable: true,
    description: "The federation's objection in this round as the cast left it (raised, changed or withdrawn), or null",
  })
  objection: RoundObjectionDto | null;

  @ApiPropertyOptional({
    type: RoundReservationResponseDto,
    nullable: true,
    description: "The federation's reservation in this round as the cast left it (cast, changed or withdrawn), or null",
  })
  reservation?: RoundReservationDto | null;
}

export class AppliedAmendmentResponseDto {
  @ApiProperty({ description: 'The draft after the amendment, as Markdown' })
  markdown: string;

  @ApiProperty({ type: RoundObjectionResponseDto })
  objection: RoundObjectionDto;
}

export class AppliedReservationAmendmentResponseDto {
  @ApiProperty({ description: 'The draft after the amendment, as Markdown' })
  markdown: string;

  @ApiProperty({ type: RoundReservationResponseDto })
  reservation: RoundReservationDto;
}
