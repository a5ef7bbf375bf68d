import {
  byDeadline,
  canRemindFederation,
  FEDERATION_REMINDER_INTERVAL_MS,
  HOME_FIRST_VISIT_LOOKBACK_MS,
  HOME_VISIT_GAP_MS,
  homeVisit,
  nextReminderAllowedAt,
} from './home';

const now = new Date('2026-12-01T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('federation reminders', () => {
  it('allows a first reminder at once', () => {
    expect(nextReminderAllowedAt(null)).toBeNull();
    expect(canRemindFederation(null, now)).toBe(true);
  });

  it('refuses a second reminder within 12 hours and allows it after', () => {
    expect(canRemindFederation(ago(FEDERATION_REMINDER_INTERVAL_MS - 1), now)).toBe(false);
    expect(canRemindFederation(ago(FEDERATION_REMINDER_INTERVAL_MS).toISOString(), now)).toBe(true);
    expect(nextReminderAllowedAt('2026-12-01T00:00:00.000Z')?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });
});

describe('homeVisit', () => {
  it('looks back a week on a first visit', () => {
    expect(homeVisit(null, now)).toEqual({ since: ago(HOME_FIRST_VISIT_LOOKBACK_MS), previousVisitEndedAt: null });
  });

  it('starts a new visit after a gap: what happened since the last load is new', () => {
    const lastSeenAt = ago(HOME_VISIT_GAP_MS + 1);
    expect(homeVisit({ lastSeenAt, previousVisitEndedAt: ago(10 * HOME_VISIT_GAP_MS) }, now)).toEqual({
      since: lastSeenAt,
      previousVisitEndedAt: lastSeenAt,
    });
  });

  it('keeps the same "since" for loads within one visit', () => {
    const previous = ago(5 * HOME_VISIT_GAP_MS);
    expect(homeVisit({ lastSeenAt: ago(60_000), previousVisitEndedAt: previous }, now)).toEqual({
      since: previous,
      previousVisitEndedAt: previous,
    });
    expect(homeVisit({ lastSeenAt: ago(60_000), previousVisitEndedAt: null }, now).since).toEqual(ago(HOME_FIRST_VISIT_LOOKBACK_MS));
  });
});

describe('byDeadline', () => {
  it('puts the nearest deadline first, ties by round id', () => {
    const rounds = [
      { roundId: 'b', closesAt: '2026-12-03T10:00:00.000Z' },
      { roundId: 'c', closesAt: '2026-12-02T10:00:00.000Z' },
      { roundId: 'a', closesAt: '2026-12-03T10:00:00.000Z' },
    ];
    expect(byDeadline(rounds).map((round) => round.roundId)).toEqual(['c', 'a', 'b']);
  });
});
