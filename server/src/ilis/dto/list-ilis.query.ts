import { AFFILIATIONS, FEDERATION_SLUGS, ILI_SEARCH_MAX_LENGTH, PROVINCES, type Affiliation, type FederationSlug, type ListIlisQuery, type Province } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '../../common/paging-query';

export const ILI_PAGE_SIZE = 50;
export const ILI_MAX_PAGE_SIZE = 500;

export class IliFilterQueryDto {
  @ApiPropertyOptional({ description: 'French full-text search on the name, commune and postal code (accents ignored, word prefixes).' })
  @IsOptional()
  @IsString()
  @MaxLength(ILI_SEARCH_MAX_LENGTH)
  q?: string;

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

  @ApiPropertyOptional({ description: 'true: active only; false: inactive only.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class ListIlisQueryDto extends PagingQuery({ size: ILI_PAGE_SIZE, max: ILI_MAX_PAGE_SIZE }, IliFilterQueryDto) implements ListIlisQuery {}

export class ExportIlisQueryDto extends IliFilterQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class ImportIlisQueryDto {
  @ApiPropertyOptional({ description: '1: check every row and report, write nothing.', enum: ['0', '1', 'true', 'false'] })
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  dryRun?: string;
}

export const IMPORT_ILIS_FORM = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'A .csv (comma or semicolon, UTF-8) or .xlsx file, header on line 1, at most 2 MB.' },
  },
};
