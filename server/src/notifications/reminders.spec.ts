import { federationsToRemind, isReminderDue, REMINDER_LEAD_MS } from './reminders';

describe('reminder selection', () => {
  const deadline = new Date('2026-05-20T16:00:00.000Z');
  const before = (ms: number) => new Date(deadline.getTime() - ms);

  it('is not due more than 24 h before the deadline', () => {
    expect(isReminderDue(deadline, before(REMINDER_LEAD_MS + 1))).toBe(false);
  });

  it('is due from exactly 24 h before the deadline until just before it', () => {
    expect(isReminderDue(deadline, before(REMINDER_LEAD_MS))).toBe(true);
    expect(isReminderDue(deadline.toISOString(), before(60_000))).toBe(true);
  });

  it('is no longer due once the deadline has passed (the round closes instead)', () => {
    expect(isReminderDue(deadline, deadline)).toBe(false);
    expect(isReminderDue(deadline, new Date(deadline.getTime() + 1))).toBe(false);
  });

  it('reminds only the missing federations not reminded yet, each once', () => {
    expect(federationsToRemind(['caips', 'risome', 'caips', 'fdss'], new Set(['risome']))).toEqual(['caips', 'fdss']);
    expect(federationsToRemind([], new Set())).toEqual([]);
  });
});
