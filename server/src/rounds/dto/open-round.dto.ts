import { CONSENSUS_RULES, type ConsensusRule, type OpenRoundInput } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export const QUESTION_MAX_LENGTH = 2000;

export class OpenRoundDto implements OpenRoundInput {
  @ApiProperty({ description: 'Number of a frozen version of the document (never the draft).', example: 2 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: 'Adoptons-nous la note propositionnelle dans sa version 2 ?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(QUESTION_MAX_LENGTH)
  question: string;

  @ApiProperty({ format: 'date-time', description: 'Deadline, in the future.' })
  @IsISO8601({ strict: true, strictSeparator: true })
  closesAt: string;

  @ApiPropertyOptional({ enum: CONSENSUS_RULES, default: 'consensus' })
  @IsOmittable()
  @IsIn(CONSENSUS_RULES)
  rule?: ConsensusRule;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  autoClose?: boolean;
}
