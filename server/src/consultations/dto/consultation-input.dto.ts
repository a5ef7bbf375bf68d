import {
  AFFILIATIONS,
  CONSULTATION_DESCRIPTION_MAX_LENGTH,
  CONSULTATION_TITLE_MAX_LENGTH,
  FEDERATION_SLUGS,
  OPTIONS_MAX,
  PROVINCES,
  QUESTION_KINDS,
  QUESTION_LABEL_MAX_LENGTH,
  QUESTION_OPTION_MAX_LENGTH,
  QUESTIONS_MAX,
  SERIES_SLUG_PATTERN,
  type Affiliation,
  type ConsultationScope,
  type CreateConsultationRequest,
  type FederationSlug,
  type Province,
  type QuestionKind,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class QuestionInputDto {
  @ApiPropertyOptional({ description: 'Kept when editing a draft; drawn by the server for a new question.', example: 'q-1a2b3c4d' })
  @IsOmittable()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'id must be lowercase letters, digits and hyphens (at most 40)' })
  id?: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ maxLength: QUESTION_LABEL_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'label must not be empty' })
  @MaxLength(QUESTION_LABEL_MAX_LENGTH)
  label: string;

  @ApiPropertyOptional({ type: [String], description: 'single and multiple only: 2 to 20 distinct options.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(OPTIONS_MAX)
  @IsString({ each: true })
  @MaxLength(QUESTION_OPTION_MAX_LENGTH, { each: true })
  options?: string[];

  @ApiProperty()
  @IsBoolean()
  required: boolean;
}

export class ConsultationScopeDto implements ConsultationScope {
  @ApiPropertyOptional({ enum: AFFILIATIONS, isArray: true })
  @IsOmittable()
  @IsArray()
  @IsIn(AFFILIATIONS, { each: true })
  affiliations?: Affiliation[];

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, isArray: true })
  @IsOmittable()
  @IsArray()
  @IsIn(FEDERATION_SLUGS, { each: true })
  federations?: FederationSlug[];

  @ApiPropertyOptional({ enum: PROVINCES, isArray: true })
  @IsOmittable()
  @IsArray()
  @IsIn(PROVINCES, { each: true })
  provinces?: Province[];
}

export class CreateConsultationDto implements CreateConsultationRequest {
  @ApiProperty({ maxLength: CONSULTATION_TITLE_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(CONSULTATION_TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ maxLength: CONSULTATION_DESCRIPTION_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(CONSULTATION_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiProperty({ type: [QuestionInputDto], description: 'In the order shown to the ILI.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => QuestionInputDto)
  questions: QuestionInputDto[];

  @ApiProperty({ type: ConsultationScopeDto, description: 'Each non-empty list must hold the ILI’s value; a representative: affiliations ["federation"], federations [its own].' })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsultationScopeDto)
  scope: ConsultationScopeDto;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'barometre-ili', description: 'Groups the editions of a barometer.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(SERIES_SLUG_PATTERN, { message: 'series must be a slug (lowercase words joined by hyphens)' })
  series?: string | null;
}

export class UpdateConsultationDto extends PartialType(CreateConsultationDto) {}

export class ScopeCountDto {
  @ApiProperty({ type: ConsultationScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsultationScopeDto)
  scope: ConsultationScopeDto;
}
