import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { CommentBody } from './comment-body';

/** Resolve or reopen (anyone who may comment), or edit the text (its author only). */
export class UpdateCommentDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  resolved?: boolean;

  @IsOmittable()
  @CommentBody({ required: false })
  body?: string;
}
