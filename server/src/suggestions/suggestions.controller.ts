import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { CommentListResponseDto, CommentResponseDto } from '../comments/dto/comment.dto';
import { CreateReplyDto } from '../comments/dto/reply.dto';
import { IdParams } from '../common/id-params';
import type { User } from '../users/user.entity';
import { CreateSuggestionDto } from './dto/create-suggestion.dto';
import { ListSuggestionsQueryDto } from './dto/list-suggestions-query.dto';
import { SuggestionListResponseDto, SuggestionResponseDto } from './dto/suggestion-response.dto';
import { SuggestionsService } from './suggestions.service';

@ApiTags('suggestions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get('documents/:id/suggestions')
  @ApiOkResponse({ type: SuggestionListResponseDto })
  list(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() { status }: ListSuggestionsQueryDto) {
    return this.suggestions.list(user, id, status);
  }

  @Post('documents/:id/suggestions')
  @ApiCreatedResponse({ type: SuggestionResponseDto })
  create(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateSuggestionDto) {
    return this.suggestions.create(user, id, request);
  }

  @Post('suggestions/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: SuggestionResponseDto, description: 'Applied to the text as an ordinary edit' })
  @ApiConflictResponse({ description: 'No longer open, or its text was changed meanwhile (then it is orphaned)' })
  accept(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.suggestions.accept(user, id);
  }

  @Post('suggestions/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: SuggestionResponseDto })
  reject(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.suggestions.reject(user, id);
  }

  @Delete('suggestions/:id')
  @ApiOkResponse({ type: SuggestionResponseDto, description: 'Withdrawn by its author' })
  withdraw(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.suggestions.withdraw(user, id);
  }

  @Get('suggestions/:id/comments')
  @ApiOkResponse({ type: CommentListResponseDto, description: 'The suggestion’s thread, oldest first (each comment has suggestionId)' })
  @ApiNotFoundResponse({ description: 'No such suggestion, or its document is not readable by the caller' })
  listComments(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.suggestions.listComments(user, id);
  }

  @Post('suggestions/:id/comments')
  @ApiCreatedResponse({ type: CommentResponseDto, description: 'Added to the suggestion’s thread; comment.created and suggestion.updated (commentCount) follow on /live' })
  @ApiBadRequestResponse({ description: 'body missing, empty, too long, or naming someone who cannot read the document' })
  @ApiForbiddenResponse({ description: 'The caller may read but not comment on the document (archived)' })
  @ApiNotFoundResponse({ description: 'No such suggestion, or its document is not readable by the caller' })
  addComment(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateReplyDto) {
    return this.suggestions.addComment(user, id, request);
  }
}
