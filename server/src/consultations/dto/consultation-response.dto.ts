import {
  CONSULTATION_STATUSES,
  FEDERATION_SLUGS,
  QUESTION_KINDS,
  type AnswerFormDto,
  type ConsultationDto,
  type ConsultationResultsDto,
  type ConsultationStatus,
  type FederationSlug,
  type QuestionDto,
  type QuestionKind,
  type QuestionResultDto,
  type ResultGroupDto,
  type SeriesDto,
  type SeriesEditionDto,
  type SeriesTrendDto,
  type SeriesTrendPointDto,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnswerItemDto } from './answer-input.dto';
import { ConsultationScopeDto } from './consultation-input.dto';

const COUNTS = { type: 'object', additionalProperties: { type: 'number' } } as const;

export class QuestionResponseDto implements QuestionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty() label: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiProperty() required: boolean;
}

class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class ConsultationResponseDto implements ConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: FEDERATION_SLUGS, nullable: true, type: String, description: 'The federation that asks; null: the Coupole.' }) federation: FederationSlug | null;
  @ApiProperty({ type: [QuestionResponseDto] }) questions: QuestionResponseDto[];
  @ApiProperty({ type: ConsultationScopeDto }) scope: ConsultationScopeDto;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ nullable: true, type: String }) series: string | null;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) status: ConsultationStatus;
  @ApiProperty({ description: 'ILI invited (links not revoked).' }) invited: number;
  @ApiProperty() responded: number;
  @ApiProperty() shared: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) launchedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) createdBy: PersonRefDto | null;
}

export class LaunchResponseDto {
  @ApiProperty({ description: 'ILI invited (one personal link each).' }) invited: number;
  @ApiProperty({ description: 'Invitations e-mailed (ILI without an address get none).' }) emailed: number;
}

export class ScopeCountResponseDto {
  @ApiProperty({ description: 'Active ILI the scope reaches.' }) invited: number;
}

export class InvitationResponseDto {
  @ApiProperty({ format: 'uuid' }) iliId: string;
  @ApiProperty() name: string;
  @ApiProperty() commune: string;
  @ApiProperty({ nullable: true, type: String }) federation: string | null;
  @ApiProperty() province: string;
  @ApiProperty() hasEmail: boolean;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null in an anonymous consultation.' }) responded: boolean | null;
}

class AnswerFormConsultationDto {
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() anonymous: boolean;
  @ApiProperty() askedBy: string;
  @ApiProperty({ type: [QuestionResponseDto] }) questions: QuestionResponseDto[];
}

class AnswerFormIliDto {
  @ApiProperty() name: string;
  @ApiProperty() commune: string;
}

export class AnswerFormResponseDto implements AnswerFormDto {
  @ApiProperty({ type: AnswerFormConsultationDto }) consultation: AnswerFormConsultationDto;
  @ApiProperty({ type: AnswerFormIliDto }) ili: AnswerFormIliDto;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: [AnswerItemDto], description: 'The draft when newer than the submitted answer, else the submitted answer.' }) answers: AnswerItemDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) draftSavedAt: string | null;
}

class ResultGroupResponseDto implements ResultGroupDto {
  @ApiProperty() key: string;
  @ApiProperty() invited: number;
  @ApiProperty() responded: number;
  @ApiProperty() rate: number;
  @ApiPropertyOptional({ description: 'Anonymous consultation, fewer than 3 respondents: figures withheld.' }) hidden?: boolean;
}

class TextAnswerDto {
  @ApiProperty() text: string;
  @ApiPropertyOptional({ description: 'The ILI, unless the consultation is anonymous.' }) ili?: string;
}

export class QuestionResultResponseDto implements QuestionResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty() label: string;
  @ApiProperty() answered: number;
  @ApiPropertyOptional(COUNTS) counts?: Record<string, number>;
  @ApiPropertyOptional() mean?: number;
  @ApiPropertyOptional({ type: [TextAnswerDto] }) texts?: TextAnswerDto[];
}

export class ConsultationResultsResponseDto implements ConsultationResultsDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty() invited: number;
  @ApiProperty() responded: number;
  @ApiProperty({ description: 'responded / invited, 0..1.' }) rate: number;
  @ApiProperty({ description: 'The filter leaves fewer than 3 respondents of an anonymous consultation.' }) hidden: boolean;
  @ApiProperty({ type: [ResultGroupResponseDto] }) byFederation: ResultGroupResponseDto[];
  @ApiProperty({ type: [ResultGroupResponseDto] }) byAffiliation: ResultGroupResponseDto[];
  @ApiProperty({ type: [ResultGroupResponseDto] }) byProvince: ResultGroupResponseDto[];
  @ApiProperty({ type: [QuestionResultResponseDto] }) questions: QuestionResultResponseDto[];
}

class SeriesEditionResponseDto implements SeriesEditionDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) status: ConsultationStatus;
  @ApiProperty() invited: number;
  @ApiProperty() responded: number;
  @ApiProperty({ type: [QuestionResultResponseDto] }) questions: QuestionResultResponseDto[];
}

class SeriesTrendPointResponseDto implements SeriesTrendPointDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() answered: number;
  @ApiPropertyOptional() mean?: number;
  @ApiPropertyOptional(COUNTS) counts?: Record<string, number>;
}

class SeriesTrendResponseDto implements SeriesTrendDto {
  @ApiProperty() label: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({ type: [SeriesTrendPointResponseDto] }) points: SeriesTrendPointResponseDto[];
}

export class SeriesResponseDto implements SeriesDto {
  @ApiProperty() slug: string;
  @ApiProperty({ type: [SeriesEditionResponseDto], description: 'Oldest first.' }) editions: SeriesEditionResponseDto[];
  @ApiProperty({ type: [SeriesTrendResponseDto], description: 'Each question (matched by label) across editions.' }) trends: SeriesTrendResponseDto[];
}
