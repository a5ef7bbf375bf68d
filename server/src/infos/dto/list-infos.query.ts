import { INFO_SEARCH_MAX_LENGTH, INFO_TOPICS, type InfoTopic } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '../../common/paging-query';

export const DEFAULT_INFO_PAGE_SIZE = 50;
export const MAX_INFO_PAGE_SIZE = 200;

class InfoFilters {
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
}

export class ListInfosQueryDto extends PagingQuery({ size: DEFAULT_INFO_PAGE_SIZE, max: MAX_INFO_PAGE_SIZE }, InfoFilters) {}
