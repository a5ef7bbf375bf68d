import {
  DECISION_SEARCH_MAX_LENGTH,
  DOCUMENT_KINDS,
  FEDERATION_SLUGS,
  ROUND_OUTCOMES,
  type DecisionSearchQuery,
  type DocumentKind,
  type FederationSlug,
  type RoundOutcome,
} from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export const DECISION_PAGE_MAX = 100;

export class DecisionQueryDto implements DecisionSearchQuery {
  @ApiPropertyOptional({ description: 'French full-text search (title, question, reasons, answers, outcome).', example: 'réserves' })
  @IsOmittable()
  @IsString()
  @MaxLength(DECISION_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOmittable()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({ enum: ROUND_OUTCOMES })
  @IsOmittable()
  @IsIn(ROUND_OUTCOMES)
  outcome?: RoundOutcome;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, description: 'Decisions in which this federation cast a position.' })
  @IsOmittable()
  @IsIn(FEDERATION_SLUGS)
  federation?: FederationSlug;

  @ApiPropertyOptional({ description: 'Closed on or after: ISO 8601 date (Brussels day) or date-time.', example: '2026-01-01' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Closed on or before: ISO 8601 date (the whole Brussels day) or date-time.' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: DECISION_PAGE_MAX, default: 50 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DECISION_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
