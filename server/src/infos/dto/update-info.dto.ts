import { INFO_TOPICS, INFO_VISIBILITIES, type InfoTopic, type InfoVisibility, type UpdateInfoRequest } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { InfoBody, InfoSourceUrl, InfoTitle, InfoTopics, InfoVisibilityField } from './info-fields';

export class UpdateInfoDto implements UpdateInfoRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @InfoTitle()
  title?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @InfoBody()
  body?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes the link' })
  @IsOptional()
  @ValidateIf((_object: unknown, value: unknown) => value !== null)
  @InfoSourceUrl()
  sourceUrl?: string | null;

  @ApiPropertyOptional({ enum: INFO_TOPICS, isArray: true })
  @IsOmittable()
  @InfoTopics()
  topics?: InfoTopic[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  toDiscuss?: boolean;

  @ApiPropertyOptional({ enum: INFO_VISIBILITIES })
  @IsOmittable()
  @InfoVisibilityField()
  visibility?: InfoVisibility;
}
