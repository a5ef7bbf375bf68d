import type { PublishedHead } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';

export class RegisterHeadResponseDto implements PublishedHead {
  @ApiProperty({ description: 'Number of decisions in the register' })
  length: number;

  @ApiProperty({ description: 'Hash of the last decision (64 zeros when empty)', pattern: '^[0-9a-f]{64}$' })
  head: string;
}
