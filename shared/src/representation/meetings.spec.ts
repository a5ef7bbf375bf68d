import {
  canCreateMeetings,
  canEditMeeting,
  canReadMeeting,
  isActionDueTomorrow,
  isActionOverdue,
  meetingTimes,
  moveWallClock,
  validateActionDue,
} from './meetings';
import { brusselsWallClockToUtc } from './brussels-time';

describe('meeting times', () => {
  it('computes the UTC instants of Brussels clock times', () => {
    const result = meetingTimes({ start: '2026-03-30T10:00', end: '2026-03-30T12:30' });
    expect(result).toEqual({
      ok: true,
      value: {
        start: '2026-03-30T10:00',
        end: '2026-03-30T12:30',
        startsAt: new Date('2026-03-30T08:00:00Z'),
        endsAt: new Date('2026-03-30T10:30:00Z'),
      },
    });
  });

  it('measures a meeting across the spring change between instants (one hour shorter)', () => {
    const result = meetingTimes({ start: '2026-03-28T20:00', end: '2026-03-29T10:00' });
    expect(result.ok && (result.value.endsAt.getTime() - result.value.startsAt.getTime()) / 3_600_000).toBe(13);
  });

  it('keeps the clock time when a meeting is moved across a change', () => {
    const moved = moveWallClock('2026-03-26T14:00', 7);
    expect(moved).toBe('2026-04-02T14:00');
    expect(brusselsWallClockToUtc(moved).toISOString()).toBe('2026-04-02T12:00:00.000Z');
    expect(brusselsWallClockToUtc('2026-03-26T14:00').toISOString()).toBe('2026-03-26T13:00:00.000Z');
  });

  it('refuses an end before or at the start, naming the field', () => {
    expect(meetingTimes({ start: '2026-05-01T10:00', end: '2026-05-01T09:00' })).toEqual({ ok: false, errors: ['end must be after start'] });
    expect(meetingTimes({ start: '2026-05-01T10:00', end: '2026-05-01T10:00' })).toEqual({ ok: false, errors: ['end must be after start'] });
  });

  it('names each malformed or skipped time', () => {
    expect(meetingTimes({ start: 'demain', end: 12 })).toEqual({
      ok: false,
      errors: ['start must be a Brussels time YYYY-MM-DDTHH:mm', 'end must be a Brussels time YYYY-MM-DDTHH:mm'],
    });
    expect(meetingTimes({ start: '2026-03-29T02:15', end: '2026-03-29T04:00' })).toEqual({
      ok: false,
      errors: ['start does not exist in Europe/Brussels (the clocks skip that hour)'],
    });
  });
});

describe('follow-up actions', () => {
  const now = new Date('2026-12-01T23:30:00Z'); // already 2 December in Brussels (UTC+1)

  it('refuses a due date in the past on creation only', () => {
    expect(validateActionDue('2026-12-01', now, { creating: true })).toEqual(['due must not be in the past']);
    expect(validateActionDue('2026-12-01', now, { creating: false })).toEqual([]);
    expect(validateActionDue('2026-12-02', now, { creating: true })).toEqual([]);
    expect(validateActionDue(null, now, { creating: true })).toEqual([]);
    expect(validateActionDue(undefined, now, { creating: true })).toEqual([]);
    expect(validateActionDue('02/12/2026', now, { creating: true })).toEqual(['due must be a date (YYYY-MM-DD)']);
  });

  it('is due tomorrow by the Brussels calendar, and overdue after its day', () => {
    expect(isActionDueTomorrow({ due: '2026-12-03', done: false }, now)).toBe(true);
    expect(isActionDueTomorrow({ due: '2026-12-03', done: true }, now)).toBe(false);
    expect(isActionDueTomorrow({ due: '2026-12-02', done: false }, now)).toBe(false);
    expect(isActionDueTomorrow({ due: null, done: false }, now)).toBe(false);
    expect(isActionOverdue({ due: '2026-12-01', done: false }, now)).toBe(true);
    expect(isActionOverdue({ due: '2026-12-01', done: true }, now)).toBe(false);
    expect(isActionOverdue({ due: '2026-12-02', done: false }, now)).toBe(false);
    expect(isActionOverdue({ due: null, done: false }, now)).toBe(false);
  });
});

describe('meeting access', () => {
  const base = { userId: 'u1', createdById: 'u2', attendeeIds: [] as string[] };

  it('lets observers read only the meetings they attend', () => {
    expect(canReadMeeting({ ...base, role: 'observer' })).toBe(false);
    expect(canReadMeeting({ ...base, role: 'observer', attendeeIds: ['u1'] })).toBe(true);
    expect(canReadMeeting({ ...base, role: 'representative' })).toBe(true);
  });

  it('lets the secretariat, the author and attending members edit, never observers', () => {
    expect(canEditMeeting({ ...base, role: 'facilitator' })).toBe(true);
    expect(canEditMeeting({ ...base, role: 'admin' })).toBe(true);
    expect(canEditMeeting({ ...base, role: 'representative' })).toBe(false);
    expect(canEditMeeting({ ...base, role: 'representative', createdById: 'u1' })).toBe(true);
    expect(canEditMeeting({ ...base, role: 'representative', attendeeIds: ['u1'] })).toBe(true);
    expect(canEditMeeting({ ...base, role: 'observer', attendeeIds: ['u1'] })).toBe(false);
    expect(canCreateMeetings('observer')).toBe(false);
    expect(canCreateMeetings('representative')).toBe(true);
  });
});
