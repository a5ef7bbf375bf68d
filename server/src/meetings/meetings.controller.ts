import type { ListResponse, MeetingActionDto, MeetingDto, MeetingSummaryDto, UserRefDto } from '@coupole/shared';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';

import { UserRefListResponseDto } from '../users/dto/user-ref.dto';
import { User } from '../users/user.entity';
import { CreateActionDto, CreateMeetingDto, ListMeetingsQueryDto, UpdateActionDto, UpdateMeetingDto } from './dto/meeting-input.dto';
import { MeetingActionListResponseDto, MeetingActionResponseDto, MeetingListResponseDto, MeetingResponseDto } from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { IdParams } from '../common/id-params';

@ApiTags('representation')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('meetings')
  @ApiOperation({ summary: 'Meetings overlapping the Brussels days from..to, by start (observers: only those they attend)' })
  @ApiOkResponse({ type: MeetingListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListMeetingsQueryDto): Promise<ListResponse<MeetingSummaryDto>> {
    return this.meetings.list(user, query);
  }

  @Post('meetings')
  @Roles('admin', 'facilitator', 'representative')
  @ApiCreatedResponse({ type: MeetingResponseDto })
  create(@CurrentUser() user: User, @Body() body: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.create(user, body);
  }

  // Before 'meetings/:id', whose id must be a UUID.
  @Get('meetings/people')
  @Roles('admin', 'facilitator', 'representative')
  @ApiOperation({ summary: 'Active accounts that can attend a meeting or hold an action (names and federations only)' })
  @ApiOkResponse({ type: UserRefListResponseDto })
  people(): Promise<ListResponse<UserRefDto>> {
    return this.meetings.people();
  }

  @Get('meetings/:id')
  @ApiOkResponse({ type: MeetingResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<MeetingDto> {
    return this.meetings.get(user, id);
  }

  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Change, cancel (status) or write the minutes of a meeting; a mandate meeting’s first minutes notify every federation' })
  @ApiOkResponse({ type: MeetingResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateMeetingDto): Promise<MeetingDto> {
    return this.meetings.update(user, id, body);
  }

  @Get('documents/:id/meetings')
  @ApiOperation({ summary: 'The meetings whose agenda discussed this document' })
  @ApiOkResponse({ type: MeetingListResponseDto })
  forDocument(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ListResponse<MeetingSummaryDto>> {
    return this.meetings.listForDocument(user, id);
  }

  @Post('meetings/:id/actions')
  @Roles('admin', 'facilitator', 'representative')
  @ApiCreatedResponse({ type: MeetingActionResponseDto })
  addAction(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: CreateActionDto): Promise<MeetingActionDto> {
    return this.meetings.addAction(user, id, body);
  }

  @Get('actions/mine')
  @ApiOperation({ summary: "The caller's open follow-up actions, soonest due first" })
  @ApiOkResponse({ type: MeetingActionListResponseDto })
  mine(@CurrentUser() user: User): Promise<ListResponse<MeetingActionDto>> {
    return this.meetings.myActions(user);
  }

  @Patch('actions/:id')
  @ApiOkResponse({ type: MeetingActionResponseDto })
  updateAction(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateActionDto): Promise<MeetingActionDto> {
    return this.meetings.updateAction(user, id, body);
  }
}
