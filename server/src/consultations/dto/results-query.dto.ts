import { AFFILIATIONS, FEDERATION_SLUGS, PROVINCES, SERIES_SLUG_PATTERN, type Affiliation, type FederationSlug, type Province, type ResultsFilter } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

export class ResultsQueryDto implements ResultsFilter {
  @ApiPropertyOptional({ enum: AFFILIATIONS })
  @IsOptional()
  @IsIn(AFFILIATIONS)
  affiliation?: Affiliation;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS })
  @IsOptional()
  @IsIn(FEDERATION_SLUGS)
  federation?: FederationSlug;

  @ApiPropertyOptional({ enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: Province;
}

export class ResultsExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class InvitationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  iliId: string;
}

export class SeriesParams {
  @ApiProperty({ example: 'barometre-ili' })
  @MaxLength(60)
  @Matches(SERIES_SLUG_PATTERN, { message: 'slug must be a series slug' })
  slug: string;
}
