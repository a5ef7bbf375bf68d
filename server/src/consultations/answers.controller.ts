import type { AnswerFormDto } from '@coupole/shared';
import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/decorators/public.decorator';
import { SaveAnswerDto, AnswerTokenParams } from './dto/answer-input.dto';
import { AnswerFormResponseDto } from './dto/consultation-response.dto';
import { ConsultationsService } from './consultations.service';

/** Per address and route: enough for an ILI typing (drafts every few seconds), not for guessing. */
export const ANSWER_THROTTLE = { ttl: 60_000, limit: 60 };

/**
 * The ILI's form through its personal link, without an account. The app's one named throttler
 * (`login`, AuthModule) is given this route's own limit; its counts are kept per route.
 */
@ApiTags('answer')
@Public()
@UseGuards(ThrottlerGuard)
@Throttle({ login: ANSWER_THROTTLE })
@Controller('answer')
export class AnswersController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get(':token')
  @ApiOkResponse({ type: AnswerFormResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown or revoked link.' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address.' })
  form(@Param() { token }: AnswerTokenParams): Promise<AnswerFormDto> {
    return this.consultations.answerForm(token);
  }

  @Put(':token')
  @ApiOkResponse({ type: AnswerFormResponseDto, description: 'Saved (draft) or submitted; submitting again replaces the answer.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked link.' })
  @ApiGoneResponse({ description: 'consultation_closed: the deadline passed or the consultation was closed.' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address.' })
  save(@Param() { token }: AnswerTokenParams, @Body() body: SaveAnswerDto): Promise<AnswerFormDto> {
    return this.consultations.saveAnswer(token, body);
  }
}
