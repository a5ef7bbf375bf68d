import type { CommentAnchorDto } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { CommentBody } from './comment-body';
import { IsYjsRelativePosition, MAX_RELATIVE_POSITION_LENGTH } from './yjs-relative-position';

export const MAX_QUOTE_LENGTH = 2_000;

export class CommentAnchorRequestDto implements CommentAnchorDto {
  @ApiProperty({ description: 'Y.encodeRelativePosition of the start, base64', maxLength: MAX_RELATIVE_POSITION_LENGTH })
  @IsYjsRelativePosition()
  start: string;

  @ApiProperty({ description: 'Y.encodeRelativePosition of the end, base64', maxLength: MAX_RELATIVE_POSITION_LENGTH })
  @IsYjsRelativePosition()
  end: string;

  @ApiProperty({ description: 'The selected text, for display', maxLength: MAX_QUOTE_LENGTH })
  @IsString()
  @MaxLength(MAX_QUOTE_LENGTH)
  quote: string;
}

export class CreateCommentDto {
  @CommentBody()
  body: string;

  @ApiPropertyOptional({ type: CommentAnchorRequestDto, description: 'Leave out for a comment on the whole document' })
  @IsOmittable()
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommentAnchorRequestDto)
  anchor?: CommentAnchorRequestDto;
}
