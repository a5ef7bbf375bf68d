import type { CommentAnchorDto, CommentDto, CommentReplyDto, ListResponse, UserRefDto } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toUserRef, UserRefResponseDto } from '../../users/dto/user-ref.dto';
import type { CommentReply } from '../comment-reply.entity';
import type { Comment } from '../comment.entity';
import { ListResponseDto } from '../../common/list-response.dto';

export class CommentAnchorResponseDto implements CommentAnchorDto {
  @ApiProperty()
  start: string;

  @ApiProperty()
  end: string;

  @ApiProperty()
  quote: string;
}

export class CommentReplyResponseDto implements CommentReplyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: UserRefResponseDto })
  author: UserRefDto;

  @ApiProperty({ type: [String], description: 'User ids and federation slugs mentioned' })
  mentions: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CommentResponseDto implements CommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set on a comment on a document' })
  documentId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set on a comment on an info of the watch' })
  infoId: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Set on a comment in a suggestion’s thread (documentId is then the suggestion’s document); such a thread is flat: no replies, never resolved',
  })
  suggestionId: string | null;

  @ApiProperty()
  body: string;

  @ApiPropertyOptional({ type: CommentAnchorResponseDto, nullable: true })
  anchor: CommentAnchorDto | null;

  @ApiProperty({ type: UserRefResponseDto })
  author: UserRefDto;

  @ApiProperty({ type: [String], description: 'User ids and federation slugs mentioned' })
  mentions: string[];

  @ApiProperty()
  resolved: boolean;

  @ApiPropertyOptional({ type: UserRefResponseDto, nullable: true })
  resolvedBy: UserRefDto | null;

  @ApiProperty({ type: [CommentReplyResponseDto] })
  replies: CommentReplyDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CommentListResponseDto extends ListResponseDto(CommentResponseDto) implements ListResponse<CommentDto> {}

function toReplyDto(reply: CommentReply): CommentReplyDto {
  if (!reply.author) throw new Error('reply author not loaded');
  return {
    id: reply.id,
    body: reply.body,
    author: toUserRef(reply.author),
    mentions: reply.mentions,
    createdAt: reply.createdAt.toISOString(),
  };
}

/** `author`, `resolvedBy` and `replies` (with their authors) must be loaded. */
export function toCommentDto(comment: Comment): CommentDto {
  if (!comment.author || !comment.replies) throw new Error('comment relations not loaded');
  const anchor =
    comment.anchorStart !== null && comment.anchorEnd !== null
      ? { start: comment.anchorStart, end: comment.anchorEnd, quote: comment.anchorQuote ?? '' }
      : null;
  return {
    id: comment.id,
    documentId: comment.documentId,
    infoId: comment.infoId,
    suggestionId: comment.suggestionId,
    body: comment.body,
    anchor,
    author: toUserRef(comment.author),
    mentions: comment.mentions,
    resolved: comment.resolved,
    resolvedBy: comment.resolvedBy ? toUserRef(comment.resolvedBy) : null,
    replies: [...comment.replies].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toReplyDto),
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
  };
}
