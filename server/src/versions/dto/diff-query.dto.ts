import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsOmittable } from '../../common/validation';

const SIDE = /^(draft|[1-9]\d{0,8})$/;

export class DiffQueryDto {
  @ApiProperty({ description: 'A version number, or `draft` for the current body', example: '1' })
  @Matches(SIDE, { message: 'from must be a version number or "draft"' })
  from: string;

  @ApiPropertyOptional({ description: 'A version number, or `draft` (the default)', example: 'draft' })
  @IsOmittable()
  @Matches(SIDE, { message: 'to must be a version number or "draft"' })
  to?: string;
}

/** A side of a diff: a frozen version's number, or the moving draft. */
export type DiffSide = number | 'draft';

export function parseDiffSide(value: string | undefined): DiffSide {
  return value === undefined || value === 'draft' ? 'draft' : Number(value);
}
