import {
  MEETING_KINDS,
  MEETING_STATUSES,
  type CalendarFeedDto,
  type MeetingActionDto,
  type MeetingAgendaItemDto,
  type MeetingDto,
  type MeetingKind,
  type MeetingStatus,
  type MeetingSummaryDto,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { BodyRefResponseDto } from '../../bodies/dto/body.dto';
import { UserRefResponseDto } from '../../users/dto/user-ref.dto';
import { ListResponseDto } from '../../common/list-response.dto';
import type { Meeting } from '../meeting.entity';

export class MeetingAgendaItemResponseDto implements MeetingAgendaItemDto {
  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;

  @ApiProperty({ nullable: true, type: String })
  documentTitle: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  roundId: string | null;
}

export class MeetingActionResponseDto implements MeetingActionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  meetingTitle: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: UserRefResponseDto, nullable: true })
  assignee: UserRefResponseDto | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  due: string | null;

  @ApiProperty()
  done: boolean;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MeetingActionListResponseDto extends ListResponseDto(MeetingActionResponseDto) {}

export class MeetingSummaryResponseDto implements MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: MEETING_KINDS })
  kind: MeetingKind;

  @ApiProperty({ enum: MEETING_STATUSES })
  status: MeetingStatus;

  @ApiProperty({ description: 'Brussels wall-clock time', example: '2026-03-30T10:00' })
  start: string;

  @ApiProperty({ description: 'Brussels wall-clock time', example: '2026-03-30T12:00' })
  end: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty()
  place: string;

  @ApiProperty({ nullable: true, type: String })
  link: string | null;

  @ApiProperty({ type: BodyRefResponseDto, nullable: true })
  body: BodyRefResponseDto | null;

  @ApiProperty({ type: [UserRefResponseDto] })
  attendees: UserRefResponseDto[];
}

export class MeetingListResponseDto extends ListResponseDto(MeetingSummaryResponseDto) {}

class MeetingPermissionsResponseDto {
  @ApiProperty()
  edit: boolean;
}

export class MeetingResponseDto extends MeetingSummaryResponseDto implements MeetingDto {
  @ApiProperty({ type: [MeetingAgendaItemResponseDto] })
  agenda: MeetingAgendaItemResponseDto[];

  @ApiProperty({ description: 'Markdown' })
  minutes: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  reportedAt: string | null;

  @ApiProperty()
  sequence: number;

  @ApiProperty({ type: [MeetingActionResponseDto] })
  actions: MeetingActionResponseDto[];

  @ApiProperty({ type: UserRefResponseDto })
  createdBy: UserRefResponseDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: MeetingPermissionsResponseDto })
  permissions: MeetingPermissionsResponseDto;
}

export class CalendarFeedResponseDto implements CalendarFeedDto {
  @ApiProperty({ nullable: true, type: String })
  token: string | null;

  @ApiProperty({ nullable: true, type: String, example: '/api/calendar/0123456789abcdef0123456789abcdef.ics' })
  path: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  createdAt: string | null;
}

/** A meeting's own fields as every view of it shows them (the list, the page, the calendar feed). */
export function toMeetingFields(meeting: Meeting) {
  return {
    id: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    status: meeting.status,
    start: meeting.startLocal,
    end: meeting.endLocal,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    place: meeting.place,
    link: meeting.link,
  };
}
