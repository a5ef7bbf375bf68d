import type { CalendarFeedDto } from '@coupole/shared';
import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../auth/decorators/public.decorator';
import { User } from '../users/user.entity';
import { CalendarService } from './calendar.service';
import { CalendarTokenParams } from './dto/meeting-input.dto';
import { CalendarFeedResponseDto } from './dto/meeting.dto';

@ApiTags('representation')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: "The caller's personal iCal feed URL (null until made, or once revoked)" })
  @ApiOkResponse({ type: CalendarFeedResponseDto })
  feed(@CurrentUser() user: User): Promise<CalendarFeedDto> {
    return this.calendar.feedOf(user.id);
  }

  @Post('token')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Make a new secret feed URL (the previous one stops working)' })
  @ApiOkResponse({ type: CalendarFeedResponseDto })
  renew(@CurrentUser() user: User): Promise<CalendarFeedDto> {
    return this.calendar.renew(user.id);
  }

  @Delete('token')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Revoke the feed URL' })
  @ApiOkResponse({ type: CalendarFeedResponseDto })
  revoke(@CurrentUser() user: User): Promise<CalendarFeedDto> {
    return this.calendar.revoke(user.id);
  }

  @Public()
  @Get(':token.ics')
  @ApiOperation({ summary: "The token owner's meetings as iCalendar (RFC 5545), no session" })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  async ics(@Param() { token }: CalendarTokenParams, @Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.calendar.ics(token);
    // Set only on success: errors keep their JSON body and type.
    response.set({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
    return text;
  }
}
