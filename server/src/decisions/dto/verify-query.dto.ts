import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';

/** A head published earlier (register page, export annex, public site), to check the chain still holds it. */
export class VerifyQueryDto {
  @ApiPropertyOptional({ description: 'Register length when the head was published; give it with head' })
  @ValidateIf((query: VerifyQueryDto) => query.length !== undefined || query.head !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  length?: number;

  @ApiPropertyOptional({ description: 'Hash of decision n° length, as published', pattern: '^[0-9a-f]{64}$' })
  @ValidateIf((query: VerifyQueryDto) => query.length !== undefined || query.head !== undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'head must be 64 lowercase hexadecimal characters' })
  head?: string;
}
