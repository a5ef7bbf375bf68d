import {
  HEADING_LEVELS,
  MAX_SUGGESTION_TEXT_LENGTH,
  SUGGESTION_FORMAT_ACTIONS,
  SUGGESTION_FORMAT_BLOCKS,
  SUGGESTION_FORMAT_MARKS,
  type SuggestionFormatInput,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsYjsRelativePosition, MAX_RELATIVE_POSITION_LENGTH } from '../../comments/dto/yjs-relative-position';
import { IsOmittable } from '../../common/validation';

export class SuggestionAnchorRequestDto {
  @ApiProperty({ description: 'Y.encodeRelativePosition of the quote’s first character, base64', maxLength: MAX_RELATIVE_POSITION_LENGTH })
  @IsYjsRelativePosition()
  start: string;

  @ApiProperty({ description: 'Y.encodeRelativePosition of the end of the quote, base64 (equal to start for an insertion)', maxLength: MAX_RELATIVE_POSITION_LENGTH })
  @IsYjsRelativePosition()
  end: string;
}

/** A formatting change as data: `{ mark, action }` or `{ block, level? }` (one of the two). */
export class SuggestionFormatDto implements SuggestionFormatInput {
  @ApiPropertyOptional({ enum: SUGGESTION_FORMAT_MARKS, description: 'A mark to add or remove over the quote (with action)' })
  @IsOmittable()
  @IsIn(SUGGESTION_FORMAT_MARKS)
  mark?: string;

  @ApiPropertyOptional({ enum: SUGGESTION_FORMAT_ACTIONS, description: 'With mark: add it or remove it' })
  @IsOmittable()
  @IsIn(SUGGESTION_FORMAT_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ enum: SUGGESTION_FORMAT_BLOCKS, description: 'A block type for the paragraphs the quote stands in' })
  @IsOmittable()
  @IsIn(SUGGESTION_FORMAT_BLOCKS)
  block?: string;

  @ApiPropertyOptional({ enum: HEADING_LEVELS, description: 'With block "heading": its level' })
  @IsOmittable()
  @IsIn(HEADING_LEVELS)
  level?: number;
}

/**
 * Two forms: a third-party client sends `{ quote, replacement }` and the quote must occur exactly
 * once in the current text; the editor adds `anchor` (relative positions of the selection), and
 * `quote` must then be the anchored text ("" for an insertion). "\n\n" in either is a paragraph
 * break (a `paragraph` suggestion). With `format`, the quote's formatting changes, not its words.
 */
export class CreateSuggestionDto {
  @ApiProperty({
    maxLength: MAX_SUGGESTION_TEXT_LENGTH,
    description: 'The text to replace, delete or format ("" with an anchor: an insertion); "\\n\\n" between two paragraphs',
    example: 'décret de 2018',
  })
  @IsString()
  @MaxLength(MAX_SUGGESTION_TEXT_LENGTH)
  quote: string;

  @ApiPropertyOptional({
    maxLength: MAX_SUGGESTION_TEXT_LENGTH,
    description: 'What replaces the quote; "" deletes it; "\\n\\n" starts a new paragraph. Required unless format is given (then omitted or equal to quote)',
    example: 'décret de 2025',
  })
  @ValidateIf((request: CreateSuggestionDto) => request.format === undefined || request.replacement !== undefined)
  @IsString()
  @MaxLength(MAX_SUGGESTION_TEXT_LENGTH)
  replacement?: string;

  @ApiPropertyOptional({ type: SuggestionFormatDto, description: 'A format suggestion: e.g. { "mark": "bold", "action": "add" } or { "block": "heading", "level": 2 }' })
  @IsOmittable()
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SuggestionFormatDto)
  format?: SuggestionFormatDto;

  @ApiPropertyOptional({ type: SuggestionAnchorRequestDto, description: 'The editor’s form: where the quote stands, as Yjs relative positions' })
  @IsOmittable()
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SuggestionAnchorRequestDto)
  anchor?: SuggestionAnchorRequestDto;
}
