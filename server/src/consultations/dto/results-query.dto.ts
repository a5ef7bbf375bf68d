import { SERIES_SLUG_PATTERN, type ResultsFilter } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IliFilterQueryDto } from '../../ilis/dto/list-ilis.query';

/** The consultation's results narrowed as the directory is: by affiliation, federation or province. */
export class ResultsQueryDto extends PickType(IliFilterQueryDto, ['affiliation', 'federation', 'province']) implements ResultsFilter {}

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
