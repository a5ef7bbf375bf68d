import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { User } from '../users/user.entity';

import { CommentsService } from './comments.service';

import { CommentListResponseDto, CommentResponseDto } from './dto/comment.dto';
import { MentionableListResponseDto } from './dto/mentionable.dto';
import { CreateCommentDto } from './dto/create-comment.dto';
import { CreateReplyDto } from './dto/reply.dto';
import { UpdateCommentDto } from './dto/update-comment.dto';
import { IdParams } from '../common/id-params';

@ApiTags('comments')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('documents/:id/comments')
  @ApiOkResponse({ type: CommentListResponseDto })
  list(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.comments.list(user, { kind: 'document', id });
  }

  @Get('documents/:id/mentionable')
  @ApiOkResponse({ type: MentionableListResponseDto, description: 'Whom a comment may name with @: the federations, then who may read the document (names, never e-mails)' })
  mentionable(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.comments.mentionable(user, id);
  }

  @Post('documents/:id/comments')
  @ApiCreatedResponse({ type: CommentResponseDto })
  create(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateCommentDto) {
    return this.comments.create(user, { kind: 'document', id }, request);
  }

  @Get('infos/:id/comments')
  @ApiOkResponse({ type: CommentListResponseDto })
  listOnInfo(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.comments.list(user, { kind: 'info', id });
  }

  @Post('infos/:id/comments')
  @ApiCreatedResponse({ type: CommentResponseDto })
  createOnInfo(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateCommentDto) {
    return this.comments.create(user, { kind: 'info', id }, request);
  }

  @Post('comments/:id/replies')
  @ApiCreatedResponse({ type: CommentResponseDto, description: 'The whole thread, with the new reply' })
  reply(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateReplyDto) {
    return this.comments.reply(user, id, request);
  }

  @Patch('comments/:id')
  @ApiOkResponse({ type: CommentResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: UpdateCommentDto) {
    return this.comments.update(user, id, request);
  }
}
