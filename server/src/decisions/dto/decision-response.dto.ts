import {
  CLOSE_CAUSES,
  CONSENSUS_RULES,
  DOCUMENT_KINDS,
  FEDERATION_SLUGS,
  ROUND_OUTCOMES,
  type CloseCause,
  type ConsensusRule,
  type DecisionChainVerification,
  type DecisionDetailDto,
  type DecisionPositionDto,
  type DecisionReservationDto,
  type DecisionSummaryDto,
  type DocumentKind,
  type EvidenceDto,
  type FederationSlug,
  type ListResponse,
  type ObjectionDto,
  type ParagraphDto,
  type PositionAuthorDto,
  type RoundOutcome,
  type VerifyFailure,
  type DeadlineExtensionDto,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CastPositionResponseItemDto,
  DeadlineExtensionResponseDto,
  EvidenceResponseDto,
  ObjectionResponseDto,
  PositionAuthorResponseDto,
  ReservationSummaryResponseDto,
} from '../../rounds/dto/round-response.dto';
import { ParagraphResponseDto } from '../../versions/dto/paragraph-response.dto';
import { ListResponseDto } from '../../common/list-response.dto';

export class DecisionPositionResponseDto extends CastPositionResponseItemDto implements DecisionPositionDto {
  @ApiPropertyOptional({
    type: [EvidenceResponseDto],
    description: 'The consultations of the ILI it cited, with their figures at closing, frozen in the record ("fondée sur : <titre> — N ILI sur M ont répondu"); absent from records before format 3.',
  })
  evidence?: EvidenceDto[];
}

export class DecisionSummaryResponseDto implements DecisionSummaryDto {
  @ApiProperty({ minimum: 1, description: 'Position in the register (hash chain)' })
  seq: number;

  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty()
  roundNumber: number;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  documentKind: DocumentKind;

  @ApiProperty()
  version: number;

  @ApiPropertyOptional({ format: 'uuid' })
  versionId?: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the decided Markdown' })
  contentHash: string;

  @ApiProperty()
  question: string;

  @ApiProperty({ enum: CONSENSUS_RULES })
  rule: ConsensusRule;

  @ApiProperty({ enum: ROUND_OUTCOMES })
  outcome: RoundOutcome;

  @ApiProperty({ enum: CLOSE_CAUSES })
  closeCause: CloseCause;

  @ApiProperty({ enum: FEDERATION_SLUGS, isArray: true })
  participants: FederationSlug[];

  @ApiProperty({ type: [DecisionPositionResponseDto], description: "Each federation's final position" })
  positions: DecisionPositionDto[];

  @ApiProperty({ type: [ObjectionResponseDto] })
  objections: ObjectionDto[];

  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty({ type: PositionAuthorResponseDto, nullable: true })
  closedBy: PositionAuthorDto | null;

  @ApiPropertyOptional({ type: [DeadlineExtensionResponseDto], description: 'Each move of the deadline; absent when it never moved.' })
  deadlineExtensions?: DeadlineExtensionDto[];

  @ApiProperty({ description: 'Hash of the previous decision (the genesis hash for the first)' })
  prevHash: string;

  @ApiProperty({ description: 'SHA-256 of this record (canonical JSON) chained to prevHash' })
  hash: string;

  @ApiProperty({ description: 'One French sentence: the outcome, the rule and how the federations answered' })
  outcomeStatement: string;
}

export class DecisionListResponseDto extends ListResponseDto(DecisionSummaryResponseDto) implements ListResponse<DecisionSummaryDto> {}

export class DecidedTextResponseDto {
  @ApiProperty()
  number: number;

  @ApiProperty()
  markdown: string;

  @ApiProperty()
  contentHash: string;

  @ApiProperty({ type: [ParagraphResponseDto] })
  paragraphs: ParagraphDto[];
}

export class DecisionReservationResponseDto extends ReservationSummaryResponseDto implements DecisionReservationDto {
  @ApiProperty({ type: PositionAuthorResponseDto })
  castBy: PositionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  castAt: string;
}

export class DecisionDetailResponseDto extends DecisionSummaryResponseDto implements DecisionDetailDto {
  @ApiProperty({ type: DecidedTextResponseDto, nullable: true, description: 'The version the round was held on' })
  text: DecidedTextResponseDto | null;

  @ApiProperty({ type: [DecisionReservationResponseDto] })
  reservations: DecisionReservationDto[];
}

export class DecisionChainVerificationResponseDto implements DecisionChainVerification {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ description: 'Number of decisions checked' })
  length: number;

  @ApiProperty({ description: 'Hash of the last decision that verified' })
  head: string;

  @ApiProperty({ description: 'Decisions of the register the caller may read (an observer: those on the documents they are invited to)' })
  visible: number;

  @ApiPropertyOptional({ description: 'The first altered decision, when the chain is broken' })
  firstBrokenSeq?: number;

  @ApiPropertyOptional({
    enum: ['seq', 'prev_hash', 'hash', 'row', 'text', 'published_head'],
    description: '`row`: a served column differs from the hashed record; `text`: the decided text no longer has its SHA-256; `published_head`: the chain no longer holds the head given as length/head',
  })
  failure?: VerifyFailure;
}
