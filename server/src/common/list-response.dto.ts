import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The schema of a list route's `{ items, total }` answer (shared ListResponse), items of `item`'s. */
export function ListResponseDto<T>(item: Type<T>) {
  abstract class ListResponseOf {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty()
    total: number;
  }
  return ListResponseOf;
}
