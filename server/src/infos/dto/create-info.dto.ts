import { INFO_BODY_MAX_LENGTH, INFO_TITLE_MAX_LENGTH, INFO_TOPICS, INFO_VISIBILITIES, type CreateInfoRequest, type InfoTopic, type InfoVisibility } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { InfoBody, InfoSourceUrl, InfoTitle, InfoTopics, InfoVisibilityField } from './info-fields';

export class CreateInfoDto implements CreateInfoRequest {
  @ApiProperty({ maxLength: INFO_TITLE_MAX_LENGTH, example: 'Avant-projet d’arrêté : nouvelles normes d’encadrement' })
  @InfoTitle()
  title: string;

  @ApiProperty({ maxLength: INFO_BODY_MAX_LENGTH, description: 'Markdown (CommonMark + GFM tables); raw HTML is shown as text.' })
  @InfoBody()
  body: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://wallex.wallonie.be/' })
  @IsOptional()
  @ValidateIf((_object: unknown, value: unknown) => value !== null)
  @InfoSourceUrl()
  sourceUrl?: string | null;

  @ApiProperty({ enum: INFO_TOPICS, isArray: true, minItems: 1 })
  @InfoTopics()
  topics: InfoTopic[];

  @ApiPropertyOptional({ default: false, description: 'À discuter: shown on the home page.' })
  @IsOmittable()
  @IsBoolean()
  toDiscuss?: boolean;

  @ApiPropertyOptional({ enum: INFO_VISIBILITIES, default: 'members' })
  @IsOmittable()
  @InfoVisibilityField()
  visibility?: InfoVisibility;
}
