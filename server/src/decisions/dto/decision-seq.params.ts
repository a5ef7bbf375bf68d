import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class DecisionSeqParams {
  @ApiProperty({ minimum: 1, description: 'Position in the register (1, 2, 3…).' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  seq: number;
}
