import { FEDERATION_SLUGS, type FederationReminderResultDto, type FederationSlug } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Body of `POST /api/rounds/:id/reminders`. */
export class RemindFederationDto {
  @ApiProperty({ enum: FEDERATION_SLUGS, description: 'The federation that has not answered yet.' })
  @IsIn(FEDERATION_SLUGS)
  federation: FederationSlug;
}

export class FederationReminderResponseDto implements FederationReminderResultDto {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ enum: FEDERATION_SLUGS })
  federation: FederationSlug;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;

  @ApiProperty({ format: 'date-time', description: 'The earliest time this federation may be reminded again.' })
  nextReminderAt: string;
}
