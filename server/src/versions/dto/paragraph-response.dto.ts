import type { ParagraphDto, ParagraphUnit } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';

export class ParagraphResponseDto implements ParagraphDto {
  @ApiProperty({ example: 'p-0-1a2b3c4d' })
  id: string;

  @ApiProperty()
  markdown: string;
}

export class ParagraphUnitResponseDto implements ParagraphUnit {
  @ApiProperty({ example: 'p-5.0-1a2b3c4d', description: "A block's id, or for a list item or table row `p-<block index>.<index from 0>-<hash>`" })
  id: string;

  @ApiProperty({ example: '§ 6.1', description: '§ N for the N-th block; § N.k for item k of the list (row k of the table) in § N' })
  label: string;

  @ApiProperty({ description: 'The unit alone (an item as a one-item list, a row under its header row)' })
  markdown: string;

  @ApiProperty({ example: 'p-5-e1eb19d4', description: 'The top-level block (of `paragraphs`) holding it' })
  blockId: string;

  @ApiProperty({ type: String, nullable: true, description: 'The nearest heading above it, as text' })
  heading: string | null;

  @ApiProperty({ description: 'Whether a position may point at it (headings and rules only label)' })
  objectable: boolean;
}
