import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { MAX_VERSION_NUMBER } from '../../versions/dto/version-params.dto';
import { EXPORT_FORMATS, ExportFormat } from '../export-content';

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @ApiPropertyOptional({ minimum: 1, description: 'A version number; the current draft when left out' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  version?: number;

  @ApiPropertyOptional({
    enum: ['open'],
    description: 'DOCX of the draft only: write the open suggestions as Word tracked changes (w:ins / w:del, author "Person (Fédération)", date)',
  })
  @IsOmittable()
  @IsIn(['open'])
  suggestions?: 'open';
}
