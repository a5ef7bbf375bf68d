import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A position's public address: lower-case ASCII words and its id's first characters. */
export class PublicSlugParams {
  @ApiProperty({ example: 'memorandum-2026-3f2a9c1e', pattern: '^[a-z0-9-]{1,130}$' })
  @Matches(/^[a-z0-9-]{1,130}$/)
  slug: string;
}
