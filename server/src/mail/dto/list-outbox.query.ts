import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The default page is the largest: callers that read the newest mails (tests, scripts) get them all. */
export const OUTBOX_PAGE_SIZE = 200;
const OUTBOX_MAX_PAGE_SIZE = 200;

export class ListOutboxQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: OUTBOX_MAX_PAGE_SIZE, default: OUTBOX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OUTBOX_MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
