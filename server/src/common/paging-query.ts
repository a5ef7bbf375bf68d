import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type QueryClass = new (...args: any[]) => object;

/**
 * A list route's query: `Filters` (the resource's own filters) followed by `limit` and `offset`,
 * `limit` defaulting to `page.size` and at most `page.max` (each resource keeps its own).
 */
export function PagingQuery<Filters extends QueryClass>(page: { size: number; max: number }, Filters: Filters = class {} as Filters) {
  class Paged extends Filters {
    @ApiPropertyOptional({ minimum: 1, maximum: page.max, default: page.size })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(page.max)
    limit?: number;

    @ApiPropertyOptional({ minimum: 0, default: 0 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    offset?: number;
  }
  return Paged;
}
