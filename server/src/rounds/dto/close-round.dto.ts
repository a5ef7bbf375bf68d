import { FEDERATION_SLUGS, POSITION_LIMITS, type CloseRoundInput, type ObjectionAnswers } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class CloseRoundDto implements CloseRoundInput {
  @ApiPropertyOptional({
    description: 'Rough consensus only: a written answer to each objection ruled in the rough, by federation.',
    type: 'object',
    properties: Object.fromEntries(FEDERATION_SLUGS.map((slug) => [slug, { type: 'string' }])),
  })
  // Checked by the shared validateCloseAnswers against the round's rule and objections.
  @Allow()
  answers?: ObjectionAnswers;

  @ApiPropertyOptional({ description: "The facilitator's outcome statement, published with the decision." })
  @IsOmittable()
  @IsString()
  @MaxLength(POSITION_LIMITS.reasonMaxLength)
  statement?: string;
}
