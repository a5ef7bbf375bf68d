import { DOCUMENT_KINDS, type DocumentKind } from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class ToNoteDto {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, default: 'note_technique' })
  @IsOmittable()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;
}
