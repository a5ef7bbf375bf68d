import type { ParagraphDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';

export class ParagraphResponseDto implements ParagraphDto {
  @ApiProperty({ example: 'p-0-1a2b3c4d' })
  id: string;

  @ApiProperty()
  markdown: string;
}
