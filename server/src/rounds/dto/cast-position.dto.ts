import { STANCES, type PositionInput, type Stance } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Only declares the fields (so that unknown ones are refused): the shared `validatePosition`
 * checks them in the service, against the paragraph ids of the round's version.
 */
export class CastPositionDto implements PositionInput {
  @ApiProperty({ enum: STANCES })
  @Allow()
  stance: Stance;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for reservations and objections.' })
  @Allow()
  reason?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Paragraph ids of the round version.' })
  @Allow()
  paragraphs?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Objection only: the replacement text.' })
  @Allow()
  amendment?: string | null;

  @ApiPropertyOptional({ description: 'Objection only: no amendment can resolve it.' })
  @Allow()
  noAmendmentPossible?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Consultations of the ILI it rests on: the federation’s own or the Coupole’s, launched (citing shares them).' })
  @Allow()
  evidence?: string[];
}
