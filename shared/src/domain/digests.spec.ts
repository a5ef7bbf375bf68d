import { brusselsInstant, latestDigestSlot } from './digests';

describe('latestDigestSlot', () => {
  it('sends nothing for the "none" preference', () => {
    expect(latestDigestSlot('none', new Date('2026-12-01T10:00:00Z'))).toBeNull();
  });

  it('is today 08:00 Brussels (07:00 UTC in winter) once that time has passed', () => {
    expect(latestDigestSlot('daily', new Date('2026-12-01T07:00:00Z'))).toEqual({
      key: 'daily:2026-12-01',
      sendAt: new Date('2026-12-01T07:00:00Z'),
      from: new Date('2026-11-30T07:00:00Z'),
    });
  });

  it('is still yesterday’s slot one second before 08:00 Brussels', () => {
    expect(latestDigestSlot('daily', new Date('2026-12-01T06:59:59Z'))?.key).toBe('daily:2026-11-30');
  });

  it('uses 06:00 UTC in summer time (CEST)', () => {
    expect(latestDigestSlot('daily', new Date('2026-07-15T06:00:00Z'))?.sendAt).toEqual(new Date('2026-07-15T06:00:00Z'));
    expect(latestDigestSlot('daily', new Date('2026-07-15T05:59:00Z'))?.key).toBe('daily:2026-07-14');
  });

  it('covers 23 hours on the day clocks go forward and 25 on the day they go back', () => {
    const spring = latestDigestSlot('daily', new Date('2026-03-29T12:00:00Z'));
    expect(spring && (spring.sendAt.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
    const autumn = latestDigestSlot('daily', new Date('2026-10-25T12:00:00Z'));
    expect(autumn && (autumn.sendAt.getTime() - autumn.from.getTime()) / 3_600_000).toBe(25);
  });

  it('keys a day by its Brussels date, not the UTC one, just after midnight local', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Brussels: still before 08:00.
    expect(latestDigestSlot('daily', new Date('2026-12-01T23:30:00Z'))?.key).toBe('daily:2026-12-01');
  });

  it('is the last Monday 08:00 for the weekly digest, covering the seven days before', () => {
    // Thursday 3 December 2026 → Monday 30 November.
    expect(latestDigestSlot('weekly', new Date('2026-12-03T15:00:00Z'))).toEqual({
      key: 'weekly:2026-11-30',
      sendAt: new Date('2026-11-30T07:00:00Z'),
      from: new Date('2026-11-23T07:00:00Z'),
    });
  });

  it('on a Monday before 08:00 is still the previous Monday', () => {
    expect(latestDigestSlot('weekly', new Date('2026-11-30T06:00:00Z'))?.key).toBe('weekly:2026-11-23');
    expect(latestDigestSlot('weekly', new Date('2026-11-30T07:00:00Z'))?.key).toBe('weekly:2026-11-30');
  });

  it('on a Sunday goes back six days', () => {
    expect(latestDigestSlot('weekly', new Date('2026-12-06T12:00:00Z'))?.key).toBe('weekly:2026-11-30');
  });
});

describe('brusselsInstant', () => {
  it('turns a local hour into UTC on both sides of the DST change', () => {
    expect(brusselsInstant({ year: 2026, month: 3, day: 28 }, 8)).toEqual(new Date('2026-03-28T07:00:00Z'));
    expect(brusselsInstant({ year: 2026, month: 3, day: 29 }, 8)).toEqual(new Date('2026-03-29T06:00:00Z'));
  });
});
