import { INFO_SEARCH_MAX_LENGTH, INFO_TOPICS, type InfoTopic } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';

export const DEFAULT_INFO_PAGE_SIZE = 50;
export const MAX_INFO_PAGE_SIZE = 200;

export class ListInfosQueryDto {
  @ApiPropertyOptional({ enum: INFO_TOPICS })
  @IsOptional()
  @IsIn(INFO_TOPICS)
  topic?: InfoTopic;

  @ApiPropertyOptional({ description: 'French full-text search on the title and the body.', maxLength: INFO_SEARCH_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(INFO_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ description: 'Only the infos flagged "à discuter" (true) or not (false).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  toDiscuss?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INFO_PAGE_SIZE, default: DEFAULT_INFO_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INFO_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
