import type { DocumentKind, UserRefDto } from '../domain/documents';
import type { CalendarDate, WallClock } from './brussels-time';
import type { DispatchStatus } from './dispatches';
import type { MandateSeat, MandateState } from './mandates';
import type { MeetingKind, MeetingStatus } from './meetings';

/** An *instance* where the Coupole or a federation sits or is heard. */
export interface BodyDto {
  id: string;
  name: string;
  description: string;
  website: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BodyRefDto {
  id: string;
  name: string;
}

export interface MandateDto {
  id: string;
  body: BodyRefDto;
  holder: UserRefDto;
  federation: string;
  seat: MandateSeat;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  note: string;
  state: MandateState;
  endingSoon: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingAgendaItemDto {
  title: string;
  documentId: string | null;
  documentTitle: string | null;
  roundId: string | null;
}

export interface MeetingActionDto {
  id: string;
  meetingId: string;
  meetingTitle: string;
  title: string;
  assignee: UserRefDto | null;
  due: CalendarDate | null;
  done: boolean;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingSummaryDto {
  id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** Brussels wall-clock times, as entered. */
  start: WallClock;
  end: WallClock;
  /** The same instants in UTC. */
  startsAt: string;
  endsAt: string;
  place: string;
  link: string | null;
  body: BodyRefDto | null;
  attendees: UserRefDto[];
}

export interface MeetingDto extends MeetingSummaryDto {
  agenda: MeetingAgendaItemDto[];
  minutes: string;
  /** When a `mandate` meeting's *retour de mandat* was first published to the federations. */
  reportedAt: string | null;
  sequence: number;
  actions: MeetingActionDto[];
  createdBy: UserRefDto;
  createdAt: string;
  updatedAt: string;
  permissions: { edit: boolean };
}

export interface CalendarFeedDto {
  /** Null once revoked (or before the first one is made). */
  token: string | null;
  /** Path of the feed on this origin, e.g. `/api/calendar/<token>.ics`. */
  path: string | null;
  createdAt: string | null;
}

export interface DispatchAnswerFileDto {
  fileName: string;
  size: number;
}

export interface DispatchDto {
  id: string;
  documentId: string;
  documentTitle: string;
  documentKind: DocumentKind;
  recipient: string;
  status: DispatchStatus;
  sentAt: CalendarDate | null;
  answeredAt: CalendarDate | null;
  answer: string | null;
  /** The answer as received (a PDF), if the secretariat attached it. */
  answerFile: DispatchAnswerFileDto | null;
  overdueAfterDays: number;
  /** The day after which a sent text without answer is overdue. */
  dueDate: CalendarDate | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}
