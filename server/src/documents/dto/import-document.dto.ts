import { DOCUMENT_KINDS, DOCUMENT_TITLE_MAX_LENGTH, type DocumentKind } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { DocumentTitle } from './document-title';

/**
 * The text fields of the multipart import form. The file itself (part `file`) is not a field
 * here: multer hands it over separately, and an unvalidated property would trip the whitelist.
 */
export class ImportDocumentDto {
  @ApiPropertyOptional({ maxLength: DOCUMENT_TITLE_MAX_LENGTH, description: 'Defaults to the first heading, then the file name.' })
  @IsOmittable()
  @DocumentTitle()
  title?: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;
}

/** The whole form, for the OpenAPI document. */
export const IMPORT_DOCUMENT_FORM = {
  type: 'object',
  required: ['file', 'kind'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'A Word document (.docx), at most 10 MB.' },
    title: { type: 'string', maxLength: DOCUMENT_TITLE_MAX_LENGTH, description: 'Defaults to the first heading, then the file name.' },
    kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
  },
};
