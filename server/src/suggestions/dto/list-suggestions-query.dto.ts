import { SUGGESTION_STATUSES, type SuggestionStatus } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class ListSuggestionsQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES, description: 'Only the suggestions with this status' })
  @IsOmittable()
  @IsIn(SUGGESTION_STATUSES)
  status?: SuggestionStatus;
}
