import type { UpdateDocumentRequest } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { DocumentTitle } from './document-title';

export const MAX_OBSERVERS = 200;

export class UpdateDocumentDto implements UpdateDocumentRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @DocumentTitle()
  title?: string;

  @ApiPropertyOptional({ enum: ['withdrawn'] })
  @IsOmittable()
  @IsIn(['withdrawn'])
  status?: 'withdrawn';

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The full list of invited observers (replaces it).' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_OBSERVERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  observerIds?: string[];

  @ApiPropertyOptional({ description: 'true archives the document (read-only, out of the default list; 409 archive_round_open under an open round), false unarchives it. The secretariat and the document’s author.' })
  @IsOmittable()
  @IsBoolean()
  archived?: boolean;
}
