import {
  DOCUMENT_KINDS,
  DOCUMENT_MARKDOWN_MAX_LENGTH,
  DOCUMENT_TITLE_MAX_LENGTH,
  type CreateDocumentRequest,
  type DocumentKind,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { DocumentTitle } from './document-title';

export class CreateDocumentDto implements CreateDocumentRequest {
  @ApiProperty({ maxLength: DOCUMENT_TITLE_MAX_LENGTH, example: 'Note propositionnelle — réforme 2025 du Parcours d’intégration' })
  @DocumentTitle()
  title: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiPropertyOptional({ description: 'Initial body as Markdown (CommonMark + GFM tables).', maxLength: DOCUMENT_MARKDOWN_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(DOCUMENT_MARKDOWN_MAX_LENGTH)
  markdown?: string;
}
