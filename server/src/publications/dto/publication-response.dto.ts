import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type ListResponse,
  type PublicationStateDto,
  type PublicInfoDto,
  type PublicPositionDto,
  type PublicPositionListDto,
  type PublicPositionSummaryDto,
  type PublicRegisterHeadDto,
  type PublicStanceDto,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { InfoContentResponseDto } from '../../infos/dto/info.dto';
import { ListResponseDto } from '../../common/list-response.dto';

const STANCES = ['agree', 'reservations', 'stand_aside', 'object', 'none'] as const;

export class PublicationStateResponseDto implements PublicationStateDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Its address on the public site: /public/<slug>' })
  slug: string | null;

  @ApiProperty()
  published: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  publishedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  withdrawnAt: string | null;
}

export class PublicStanceResponseDto implements PublicStanceDto {
  @ApiProperty({ example: 'aleap' })
  federation: string;

  @ApiProperty({ example: 'ALEAP' })
  federationName: string;

  @ApiProperty({ enum: STANCES, description: '`none`: the federation did not answer' })
  stance: PublicStanceDto['stance'];

  @ApiProperty({ nullable: true, type: String, description: 'A published reservation, or the answer to an objection ruled in the rough' })
  reservation: string | null;
}

export class PublicPositionSummaryResponseDto implements PublicPositionSummaryDto {
  @ApiProperty({ example: 'memorandum-2026-3f2a9c1e' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;

  @ApiProperty({ format: 'date-time' })
  adoptedAt: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set once withdrawn from the public site' })
  withdrawnAt: string | null;
}

export class PublicPositionResponseDto extends PublicPositionSummaryResponseDto implements PublicPositionDto {
  @ApiProperty({ nullable: true, type: String, description: 'The adopted version as Markdown; null once withdrawn' })
  markdown: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 (hex) of `markdown`' })
  contentHash: string | null;

  @ApiProperty({ nullable: true, type: Number })
  versionNumber: number | null;

  @ApiProperty({ nullable: true, type: String })
  outcome: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The decision’s seq in the register' })
  decisionSeq: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'The decision record’s hash in the register chain' })
  decisionHash: string | null;

  @ApiProperty({ type: PublicStanceResponseDto, isArray: true })
  stances: PublicStanceResponseDto[];
}

export class PublicRegisterHeadResponseDto implements PublicRegisterHeadDto {
  @ApiProperty({ description: 'Number of decisions in the register' })
  length: number;

  @ApiProperty({ description: 'Hash of the last decision (64 zeros when empty)' })
  head: string;
}

export class PublicPositionListResponseDto extends ListResponseDto(PublicPositionSummaryResponseDto) implements PublicPositionListDto {
  @ApiProperty({ type: PublicRegisterHeadResponseDto, description: 'The decision register’s head: keep it to detect a rewritten chain' })
  register: PublicRegisterHeadResponseDto;
}

export class PublicInfoResponseDto extends InfoContentResponseDto implements PublicInfoDto {
  @ApiProperty({ nullable: true, type: String, description: 'The federation that shared it; null for the secretariat' })
  federation: string | null;

  @ApiProperty()
  hasAttachment: boolean;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PublicInfoListResponseDto extends ListResponseDto(PublicInfoResponseDto) implements ListResponse<PublicInfoDto> {}
