import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
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
}
