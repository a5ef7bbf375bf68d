import { MAX_SUGGESTION_TEXT_LENGTH } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
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

/**
 * Two forms: a third-party client sends `{ quote, replacement }` and the quote must occur exactly
 * once in the current text; the editor adds `anchor` (relative positions of the selection), and
 * `quote` must then be the anchored text ("" for an insertion).
 */
export class CreateSuggestionDto {
  @ApiProperty({ maxLength: MAX_SUGGESTION_TEXT_LENGTH, description: 'The text to replace or delete ("" with an anchor: an insertion)', example: 'décret de 2018' })
  @IsString()
  @MaxLength(MAX_SUGGESTION_TEXT_LENGTH)
  quote: string;

  @ApiProperty({ maxLength: MAX_SUGGESTION_TEXT_LENGTH, description: 'What replaces the quote; "" deletes it', example: 'décret de 2025' })
  @IsString()
  @MaxLength(MAX_SUGGESTION_TEXT_LENGTH)
  replacement: string;

  @ApiPropertyOptional({ type: SuggestionAnchorRequestDto, description: 'The editor’s form: where the quote stands, as Yjs relative positions' })
  @IsOmittable()
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SuggestionAnchorRequestDto)
  anchor?: SuggestionAnchorRequestDto;
}
