import {
  addDays,
  brusselsDate,
  brusselsOffsetMinutes,
  brusselsWallClockToUtc,
  daysBetween,
  isCalendarDate,
  isWallClock,
  resolveBrusselsWallClock,
  toBrusselsWallClock,
} from './brussels-time';

describe('Brussels wall-clock time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(brusselsOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(brusselsOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('keeps 10:00 on the clock on both sides of the spring change (29 March 2026)', () => {
    expect(brusselsWallClockToUtc('2026-03-28T10:00').toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(brusselsWallClockToUtc('2026-03-30T10:00').toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps 10:00 on the clock on both sides of the autumn change (25 October 2026)', () => {
    expect(brusselsWallClockToUtc('2026-10-24T10:00').toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(brusselsWallClockToUtc('2026-10-26T10:00').toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('says the skipped hour of the spring change does not exist', () => {
    expect(resolveBrusselsWallClock('2026-03-29T02:30')).toEqual({ kind: 'nonexistent' });
    expect(() => brusselsWallClockToUtc('2026-03-29T02:30')).toThrow(RangeError);
  });

  it('takes the first of the two 02:30 of the autumn change', () => {
    const resolution = resolveBrusselsWallClock('2026-10-25T02:30');
    expect(resolution.kind).toBe('ambiguous');
    expect(resolution.kind === 'ambiguous' && resolution.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses malformed or impossible times', () => {
    for (const value of ['2026-02-30T10:00', '2026-01-01 10:00', '2026-01-01T24:00', '2026-01-01T10:60', 'demain']) {
      expect(resolveBrusselsWallClock(value)).toEqual({ kind: 'invalid' });
    }
    expect(() => brusselsWallClockToUtc('nope')).toThrow(RangeError);
    expect(isWallClock('2026-01-01T10:00')).toBe(true);
    expect(isWallClock(42)).toBe(false);
  });

  it('reads an instant back on a Brussels clock', () => {
    expect(toBrusselsWallClock('2026-03-30T08:00:00Z')).toBe('2026-03-30T10:00');
    expect(toBrusselsWallClock(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30');
    expect(brusselsDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(brusselsDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('round-trips every quarter hour of a change day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const clock = `2026-10-25T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      expect(toBrusselsWallClock(brusselsWallClockToUtc(clock))).toBe(clock);
    }
  });

  it('counts and moves calendar days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2028-2-29')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});
