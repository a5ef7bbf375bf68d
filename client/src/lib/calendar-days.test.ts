import { addMonths, dayWithin, frenchDayText, monthWeeks, parseFrenchDay, parseFrenchTime } from './calendar-days';

describe('calendar days typed the French way', () => {
  it('reads jj/mm/aaaa with /, - or . and two-digit years, refusing days that do not exist', () => {
    expect(parseFrenchDay('31/12/2026')).toBe('2026-12-31');
    expect(parseFrenchDay(' 1-2-2027 ')).toBe('2027-02-01');
    expect(parseFrenchDay('29.02.28')).toBe('2028-02-29');
    expect(parseFrenchDay('29/02/2027')).toBeNull();
    expect(parseFrenchDay('12/31/2026')).toBeNull();
    expect(parseFrenchDay('2026-12-31')).toBeNull();
    expect(parseFrenchDay('')).toBeNull();
  });

  it('writes a day as jj/mm/aaaa', () => {
    expect(frenchDayText('2026-12-01')).toBe('01/12/2026');
    expect(frenchDayText('')).toBe('');
  });

  it('reads 14h30, 14:30, 14h and 9 as a time of day', () => {
    expect(parseFrenchTime('14h30')).toBe('14:30');
    expect(parseFrenchTime('14 h 30')).toBe('14:30');
    expect(parseFrenchTime('14:30')).toBe('14:30');
    expect(parseFrenchTime('14h')).toBe('14:00');
    expect(parseFrenchTime('9')).toBe('09:00');
    expect(parseFrenchTime('24:00')).toBeNull();
    expect(parseFrenchTime('10:75')).toBeNull();
    expect(parseFrenchTime('2 PM')).toBeNull();
  });

  it('moves by months, keeping to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks('2026-12-15');
    // 1 December 2026 is a Tuesday.
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('checks inclusive bounds', () => {
    expect(dayWithin('2026-12-01', '2026-12-01')).toBe(true);
    expect(dayWithin('2026-11-30', '2026-12-01')).toBe(false);
    expect(dayWithin('2026-12-02', undefined, '2026-12-01')).toBe(false);
  });
});
