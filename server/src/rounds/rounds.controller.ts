import type { ListResponse } from '@coupole/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { User } from '../users/user.entity';
import { CastPositionDto } from './dto/cast-position.dto';
import { CloseRoundDto } from './dto/close-round.dto';
import { ExtendDeadlineDto } from './dto/extend-deadline.dto';
import { OpenRoundDto } from './dto/open-round.dto';
import type { CastPositionResponseDto, RoundDetailDto, RoundObjectionDto, RoundReservationDto, RoundSummaryDto } from './dto/round-detail.dto';
import {
  AppliedAmendmentResponseDto,
  AppliedReservationAmendmentResponseDto,
  CastPositionResultResponseDto,
  RoundDetailResponseDto,
  RoundListResponseDto,
  RoundObjectionResponseDto,
} from './dto/round-response.dto';
import { RoundObjectionParams } from './dto/round-id.params';
import { RoundClosingService } from './round-closing.service';
import { RoundFollowUpService } from './round-follow-up.service';
import { RoundsService } from './rounds.service';
import { IdParams } from '../common/id-params';

@ApiTags('rounds')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly closing: RoundClosingService,
    private readonly followUp: RoundFollowUpService,
  ) {}

  @Post('documents/:id/rounds')
  @Roles('admin', 'facilitator')
  @ApiCreatedResponse({ type: RoundDetailResponseDto })
  open(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: OpenRoundDto): Promise<RoundDetailDto> {
    return this.rounds.open(user, id, body);
  }

  @Get('documents/:id/rounds')
  @ApiOkResponse({ type: RoundListResponseDto, description: 'The rounds of a document, oldest first' })
  list(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ListResponse<RoundSummaryDto>> {
    return this.rounds.list(user, id);
  }

  @Get('rounds/:id')
  @ApiOkResponse({ type: RoundDetailResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<RoundDetailDto> {
    return this.rounds.get(user, id);
  }

  @Put('rounds/:id/position')
  @Roles('representative')
  @ApiOkResponse({ type: CastPositionResultResponseDto })
  cast(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: CastPositionDto): Promise<CastPositionResponseDto> {
    return this.rounds.castPosition(user, id, body);
  }

  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: RoundDetailResponseDto })
  async close(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: CloseRoundDto): Promise<RoundDetailDto> {
    const { round } = await this.closing.closeByFacilitator(user, id, body);
    return this.rounds.detail(round);
  }

  @Post('rounds/:id/cancel')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: RoundDetailResponseDto })
  async cancel(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<RoundDetailDto> {
    const { round } = await this.closing.cancel(user, id);
    return this.rounds.detail(round);
  }

  @Post('rounds/:id/deadline')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: RoundDetailResponseDto, description: 'The round with its new deadline; every federation is notified.' })
  async extendDeadline(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: ExtendDeadlineDto): Promise<RoundDetailDto> {
    return this.rounds.detail(await this.followUp.extendDeadline(user, id, body));
  }

  @Post('rounds/:id/objections/:objectionId/withdraw')
  @HttpCode(200)
  @Roles('representative')
  @ApiOkResponse({ type: RoundObjectionResponseDto })
  withdraw(@CurrentUser() user: User, @Param() { id, objectionId }: RoundObjectionParams): Promise<RoundObjectionDto> {
    return this.rounds.withdrawObjection(user, id, objectionId);
  }

  @Post('objections/:id/apply-amendment')
  @HttpCode(200)
  @ApiOkResponse({ type: AppliedAmendmentResponseDto })
  applyAmendment(
    @CurrentUser() user: User,
    @Param() { id }: IdParams,
  ): Promise<{ markdown: string; objection: RoundObjectionDto }> {
    return this.rounds.applyAmendment(user, id);
  }

  @Post('reservations/:id/apply-amendment')
  @HttpCode(200)
  @ApiOkResponse({
    type: AppliedReservationAmendmentResponseDto,
    description: 'Takes a reservation’s amendment into the draft (whoever may edit it, once the round sent it back to drafting); the reservation stays open until a frozen version integrates it',
  })
  applyReservationAmendment(
    @CurrentUser() user: User,
    @Param() { id }: IdParams,
  ): Promise<{ markdown: string; reservation: RoundReservationDto }> {
    return this.rounds.applyReservationAmendment(user, id);
  }
}
