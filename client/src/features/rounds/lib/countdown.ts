import type { TFunction } from 'i18next';

export interface Countdown {
  /** The deadline has been reached. */
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Milliseconds left, never negative. */
  remainingMs: number;
}

/** Time left until `closesAt`, in whole seconds rounded down, seen at `now`. */
export function countdown(closesAt: string | Date, now: string | Date | number): Countdown {
  const end = new Date(closesAt).getTime();
  const at = new Date(now).getTime();
  const remainingMs = Math.max(0, end - at);
  const total = Math.floor(remainingMs / 1000);
  return {
    expired: remainingMs === 0,
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
    remainingMs,
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * "2 j 03 h 15 min", "3 h 05 min", "4 min 09 s": the two or three units that matter, so the
 * text changes every second only in the last hour.
 */
export function formatCountdown(left: Countdown, t: TFunction): string {
  if (left.expired) return t('rounds.countdown.expired');
  if (left.days > 0) {
    return t('rounds.countdown.days', { days: left.days, hours: pad(left.hours), minutes: pad(left.minutes) });
  }
  if (left.hours > 0) return t('rounds.countdown.hours', { hours: left.hours, minutes: pad(left.minutes) });
  return t('rounds.countdown.minutes', { minutes: left.minutes, seconds: pad(left.seconds) });
}

