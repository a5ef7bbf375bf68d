import { i18n } from '../../../lib/i18n';
import { countdown, formatCountdown } from './countdown';

const t = i18n.t.bind(i18n);
const CLOSES_AT = '2026-03-10T17:00:00.000Z';

describe('countdown', () => {
  it('splits the time left into days, hours, minutes and seconds', () => {
    expect(countdown(CLOSES_AT, '2026-03-08T13:54:51.400Z')).toEqual({
      expired: false,
      days: 2,
      hours: 3,
      minutes: 5,
      seconds: 8,
      remainingMs: 183_908_600,
    });
  });

  it('is expired at the deadline and after it, never negative', () => {
    expect(countdown(CLOSES_AT, CLOSES_AT)).toMatchObject({ expired: true, remainingMs: 0, seconds: 0 });
    expect(countdown(CLOSES_AT, '2026-03-11T00:00:00Z')).toMatchObject({ expired: true, remainingMs: 0, days: 0 });
  });

  it('is not expired with less than a second left', () => {
    expect(countdown(CLOSES_AT, '2026-03-10T16:59:59.500Z')).toMatchObject({ expired: false, seconds: 0 });
  });
});

describe('formatCountdown', () => {
  it('shows days, hours and minutes when more than a day is left', () => {
    expect(formatCountdown(countdown(CLOSES_AT, '2026-03-08T13:54:51Z'), t)).toBe('2 j 03 h 05 min');
  });

  it('shows hours and minutes on the last day', () => {
    expect(formatCountdown(countdown(CLOSES_AT, '2026-03-10T13:54:00Z'), t)).toBe('3 h 06 min');
  });

  it('shows minutes and seconds in the last hour', () => {
    expect(formatCountdown(countdown(CLOSES_AT, '2026-03-10T16:55:51Z'), t)).toBe('4 min 09 s');
  });

  it('says the deadline has passed once it has', () => {
    expect(formatCountdown(countdown(CLOSES_AT, '2026-03-10T17:00:01Z'), t)).toBe('Échéance atteinte');
  });
});
