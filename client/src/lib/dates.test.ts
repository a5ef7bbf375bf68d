import { formatDate } from './dates';

describe('formatDate', () => {
  it('shows winter times one hour ahead of UTC (CET)', () => {
    expect(formatDate('2025-01-15T12:00:00Z')).toBe('15 janvier 2025 à 13:00');
  });

  it('shows summer times two hours ahead of UTC (CEST)', () => {
    expect(formatDate('2025-07-15T12:00:00Z')).toBe('15 juillet 2025 à 14:00');
  });

  it('follows the spring change of clocks in Brussels, not the machine time zone', () => {
    expect(formatDate('2025-03-30T00:59:00Z')).toBe('30 mars 2025 à 01:59');
    expect(formatDate('2025-03-30T01:00:00Z')).toBe('30 mars 2025 à 03:00');
  });

  it('puts a late-evening UTC time on the next Brussels day', () => {
    expect(formatDate('2025-12-31T23:30:00Z', 'date')).toBe('1er janvier 2026');
    expect(formatDate('2026-11-30T23:30:00Z', 'weekdayDate')).toBe('mardi 1er décembre 2026');
  });

  it('has a single way to write a day: no numeric jj/mm/aaaa format for display', () => {
    // @ts-expect-error -- the numeric short date was removed so selects and tables write "1er décembre 2026" like prose
    expect(() => formatDate('2026-12-01T10:00:00Z', 'shortDate')).toThrow();
  });

  it('accepts Date objects', () => {
    expect(formatDate(new Date(Date.UTC(2024, 10, 5, 9, 5)), 'dateTime')).toBe('5 novembre 2024 à 10:05');
  });

  it('returns an empty string rather than "Invalid Date" for unparsable input', () => {
    expect(formatDate('not a date')).toBe('');
  });
});
