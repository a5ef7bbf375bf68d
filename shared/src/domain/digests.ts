import { brusselsFields } from '../representation/brussels-time';

/** How often a member receives the e-mail of new infos. */
export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface DigestPreferenceDto {
  frequency: DigestFrequency;
}

/** Local hour (Europe/Brussels) at which digests go out. */
export const DIGEST_HOUR = 8;
/** Weekly digests go out on Mondays (ISO weekday 1). */
export const DIGEST_WEEKDAY = 1;

export interface DigestSlot {
  /** Identifies the send: one digest per user and key, ever (`daily:2026-12-01`, `weekly:2026-11-30`). */
  key: string;
  /** The 08:00 Brussels instant this digest belongs to. */
  sendAt: Date;
  /** Start of the window of new items: the previous slot's `sendAt`. Items in [from, sendAt). */
  from: Date;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The UTC instant of `hour`:00 local time in Brussels on that calendar day (DST-aware). */
export function brusselsInstant(date: LocalDate, hour: number): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour);
  let guess = wanted;
  // Two corrections settle the offset (+1 h or +2 h); 08:00 never falls in a DST gap.
  for (let i = 0; i < 2; i += 1) {
    const local = brusselsFields(guess);
    const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    guess += wanted - asUtc;
  }
  return new Date(guess);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function isoWeekday(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const keyOf = (date: LocalDate) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/**
 * The latest digest slot that is due at `now` for a frequency (null for `none`): the last
 * 08:00 Brussels (daily) or the last Monday 08:00 Brussels (weekly) at or before `now`, with the
 * window of items it covers. A scheduler that sends each slot once per user sends at 08:00, and
 * catches up after a downtime with the latest slot only.
 */
export function latestDigestSlot(frequency: DigestFrequency, now: Date): DigestSlot | null {
  if (frequency === 'none') return null;
  const local = brusselsFields(now.getTime());
  let day: LocalDate = { year: local.year, month: local.month, day: local.day };
  if (now.getTime() < brusselsInstant(day, DIGEST_HOUR).getTime()) day = addDays(day, -1);
  if (frequency === 'weekly') day = addDays(day, -((isoWeekday(day) - DIGEST_WEEKDAY + 7) % 7));
  const previous = addDays(day, frequency === 'daily' ? -1 : -7);
  return {
    key: `${frequency}:${keyOf(day)}`,
    sendAt: brusselsInstant(day, DIGEST_HOUR),
    from: brusselsInstant(previous, DIGEST_HOUR),
  };
}
