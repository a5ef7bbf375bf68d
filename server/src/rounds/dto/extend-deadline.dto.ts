import { POSITION_LIMITS } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';

/** Body of `POST /api/rounds/:id/deadline`. */
export class ExtendDeadlineDto {
  @ApiProperty({ format: 'date-time', description: 'The new deadline: later than the current one.' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiPropertyOptional({ description: 'Why the deadline moves; told to every federation.' })
  @IsOmittable()
  @IsString()
  @MaxLength(POSITION_LIMITS.reasonMaxLength)
  reason?: string;
}
