import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus, type ListDocumentsQuery } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '../../common/paging-query';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

class DocumentFilters {
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({ description: 'Recherche plein texte (français) sur le titre et le corps.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['false', 'true'], default: 'false', description: 'false: archived documents left out; true: only archived documents.' })
  @IsOptional()
  @IsIn(['false', 'true'])
  archived?: 'true' | 'false';
}

export class ListDocumentsQueryDto extends PagingQuery({ size: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }, DocumentFilters) implements ListDocumentsQuery {}
