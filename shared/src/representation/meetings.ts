import { addDays, brusselsDate, isCalendarDate, resolveBrusselsWallClock, type CalendarDate, type WallClock } from './brussels-time';

export const MEETING_KINDS = ['coupole', 'mandate', 'minister', 'parliament', 'sector', 'seminar'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_TITLE_MAX_LENGTH = 300;
export const MEETING_MINUTES_MAX_LENGTH = 100_000;
export const MEETING_AGENDA_MAX_ITEMS = 50;

export interface MeetingTimes {
  start: WallClock;
  end: WallClock;
  startsAt: Date;
  endsAt: Date;
}

export type MeetingTimesResult = { ok: true; value: MeetingTimes } | { ok: false; errors: string[] };

function resolve(field: 'start' | 'end', value: unknown): { instant?: Date; error?: string } {
  const resolution = typeof value === 'string' ? resolveBrusselsWallClock(value) : ({ kind: 'invalid' } as const);
  if (resolution.kind === 'invalid') return { error: `${field} must be a Brussels time YYYY-MM-DDTHH:mm` };
  if (resolution.kind === 'nonexistent') {
    return { error: `${field} does not exist in Europe/Brussels (the clocks skip that hour)` };
  }
  return { instant: resolution.instant };
}

/**
 * A meeting's start and end, given as Brussels wall-clock times, with their UTC instants. The
 * duration is measured between the instants, so an evening-to-morning seminar across the
 * spring change lasts one hour less than its clock readings suggest.
 */
export function meetingTimes(input: { start: unknown; end: unknown }): MeetingTimesResult {
  const start = resolve('start', input.start);
  const end = resolve('end', input.end);
  const errors = [start.error, end.error].filter((error): error is string => error !== undefined);
  if (errors.length > 0) return { ok: false, errors };
  if (end.instant!.getTime() <= start.instant!.getTime()) return { ok: false, errors: ['end must be after start'] };
  return { ok: true, value: { start: input.start as string, end: input.end as string, startsAt: start.instant!, endsAt: end.instant! } };
}

/** A meeting moved by whole days keeps its clock time, whatever the UTC offset on the new day. */
export function moveWallClock(value: WallClock, days: number): WallClock {
  return `${addDays(value.slice(0, 10), days)}${value.slice(10)}`;
}

/** Field errors for an action's due date: creating one already overdue is refused. */
export function validateActionDue(due: unknown, now: Date, options: { creating: boolean }): string[] {
  if (due === null || due === undefined) return [];
  if (!isCalendarDate(due)) return ['due must be a date (YYYY-MM-DD)'];
  if (options.creating && due < brusselsDate(now)) return ['due must not be in the past'];
  return [];
}

/** An open action is reminded the day before it is due (Brussels days). */
export function isActionDueTomorrow(action: { due: CalendarDate | null; done: boolean }, now: Date): boolean {
  return !action.done && action.due !== null && action.due === addDays(brusselsDate(now), 1);
}

export function isActionOverdue(action: { due: CalendarDate | null; done: boolean }, now: Date): boolean {
  return !action.done && action.due !== null && action.due < brusselsDate(now);
}

export interface MeetingAccess {
  role: string;
  userId: string;
  createdById: string;
  attendeeIds: readonly string[];
}

/** Observers read only the meetings they attend; every other member reads them all. */
export function canReadMeeting(access: MeetingAccess): boolean {
  return access.role !== 'observer' || access.attendeeIds.includes(access.userId);
}

/** The secretariat, the meeting's author and its attending members edit it (never observers). */
export function canEditMeeting(access: MeetingAccess): boolean {
  if (access.role === 'admin' || access.role === 'facilitator') return true;
  if (access.role === 'observer') return false;
  return access.createdById === access.userId || access.attendeeIds.includes(access.userId);
}

export function canCreateMeetings(role: string): boolean {
  return role !== 'observer';
}
