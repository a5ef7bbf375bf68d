import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const ROUND_EXPORT_FORMATS = ['docx'] as const;

export type RoundExportFormat = (typeof ROUND_EXPORT_FORMATS)[number];

export class RoundExportQueryDto {
  @ApiProperty({ enum: ROUND_EXPORT_FORMATS, description: 'Word only: the amendments are written as tracked changes' })
  @IsIn(ROUND_EXPORT_FORMATS)
  format: RoundExportFormat;
}
