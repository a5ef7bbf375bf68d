import {
  CONSENSUS_RULES,
  DOCUMENT_STATUSES,
  FEDERATION_SLUGS,
  ROUND_OUTCOMES,
  type ConsensusRule,
  type DocumentStatus,
  type FederationSlug,
  type HomeClosedRoundDto,
  type HomeCommentDto,
  type HomeDto,
  type HomeEditedDocumentDto,
  type HomeFollowUpRoundDto,
  type HomeMissingFederationDto,
  type HomeRoundDto,
  type RoundOutcome,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';

export class HomeRoundResponseDto implements HomeRoundDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() documentTitle: string;
  @ApiProperty() number: number;
  @ApiProperty() question: string;
  @ApiProperty({ enum: CONSENSUS_RULES }) rule: ConsensusRule;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

export class HomeMissingFederationResponseDto implements HomeMissingFederationDto {
  @ApiProperty({ enum: FEDERATION_SLUGS }) federation: FederationSlug;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastRemindedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When "Relancer" is possible again; null: now.' })
  nextReminderAt: string | null;
}

export class HomeFollowUpRoundResponseDto extends HomeRoundResponseDto implements HomeFollowUpRoundDto {
  @ApiProperty({ type: [HomeMissingFederationResponseDto] }) missing: HomeMissingFederationResponseDto[];
}

export class HomeCommentResponseDto implements HomeCommentDto {
  @ApiProperty({ format: 'uuid' }) commentId: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() documentTitle: string;
  @ApiProperty() excerpt: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class HomeEditedDocumentResponseDto implements HomeEditedDocumentDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty({ format: 'date-time' }) lastEditedAt: string;
}

export class HomeClosedRoundResponseDto implements HomeClosedRoundDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() documentTitle: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ROUND_OUTCOMES }) outcome: RoundOutcome;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ nullable: true, type: Number }) decisionSeq: number | null;
}

export class HomeResponseDto implements HomeDto {
  @ApiProperty({ format: 'date-time', description: 'Start of "since my last visit".' }) since: string;
  @ApiProperty({ type: [HomeRoundResponseDto] }) awaitingMyFederation: HomeRoundResponseDto[];
  @ApiProperty({ type: [HomeCommentResponseDto] }) mentions: HomeCommentResponseDto[];
  @ApiProperty({ type: [HomeCommentResponseDto] }) unansweredThreads: HomeCommentResponseDto[];
  @ApiProperty({ type: [HomeEditedDocumentResponseDto] }) editedDocuments: HomeEditedDocumentResponseDto[];
  @ApiProperty({ type: [HomeClosedRoundResponseDto] }) closedRounds: HomeClosedRoundResponseDto[];
  @ApiProperty({ type: [HomeFollowUpRoundResponseDto], nullable: true, description: 'Secretariat and admins only.' })
  followUp: HomeFollowUpRoundResponseDto[] | null;
}
