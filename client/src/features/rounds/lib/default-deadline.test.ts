import { deadlineProblem, defaultDeadline } from './default-deadline';

describe('defaultDeadline', () => {
  it('is a week later at 17:00 Brussels time', () => {
    expect(defaultDeadline(new Date('2026-01-05T10:00:00Z'))).toBe('2026-01-12T17:00');
  });

  it('counts the day in Brussels, not in UTC', () => {
    // 23:30 UTC on 24 June is already 25 June in Brussels (UTC+2).
    expect(defaultDeadline(new Date('2026-06-24T23:30:00Z'))).toBe('2026-07-02T17:00');
  });
});

describe('deadlineProblem', () => {
  const now = new Date('2026-07-01T08:00:00Z');

  it('accepts a future Brussels time', () => {
    expect(deadlineProblem('2026-07-01T10:01', now)).toBeNull();
  });

  it('refuses a time that has passed in Brussels even if it is still ahead in UTC', () => {
    expect(deadlineProblem('2026-07-01T10:00', now)).toBe('past');
  });

  it('names an empty and an impossible value', () => {
    expect(deadlineProblem('', now)).toBe('required');
    expect(deadlineProblem('2026-02-30T10:00', now)).toBe('invalid');
  });
});
