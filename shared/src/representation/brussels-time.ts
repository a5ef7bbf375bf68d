/**
 * Europe/Brussels wall-clock times, computed with the platform's own time-zone database (Intl),
 * so server and browser agree. A meeting is stored as its wall-clock time in Brussels plus the
 * UTC instant computed from it: moving it across a daylight-saving change keeps "10:00".
 */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** `YYYY-MM-DDTHH:mm`, a time on a Brussels clock. */
export type WallClock = string;
/** `YYYY-MM-DD`, a day in Brussels. */
export type CalendarDate = string;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The Brussels clock's reading of an instant (ms since the epoch), field by field. */
export function brusselsFields(instant: number): Fields & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Minutes Brussels is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const fields = brusselsFields(ms);
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

function parseWallClock(value: string): Fields | null {
  const match = WALL_CLOCK.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const fields = { year, month, day, hour, minute };
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const valid =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60;
  return valid ? fields : null;
}

export function isWallClock(value: unknown): value is WallClock {
  return typeof value === 'string' && parseWallClock(value) !== null;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

export type WallClockResolution =
  | { kind: 'exact'; instant: Date }
  /** The hour repeated when clocks go back: the first occurrence is taken. */
  | { kind: 'ambiguous'; instant: Date }
  /** The hour skipped when clocks go forward: it never shows on a Brussels clock. */
  | { kind: 'nonexistent' }
  | { kind: 'invalid' };

/** The UTC instant a Brussels wall-clock time stands for. */
export function resolveBrusselsWallClock(value: string): WallClockResolution {
  const fields = parseWallClock(value);
  if (!fields) return { kind: 'invalid' };
  const local = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const offsets = [...new Set([brusselsOffsetMinutes(local - DAY / 2), brusselsOffsetMinutes(local + DAY / 2)])];
  const matches = offsets
    .map((offset) => local - offset * MINUTE)
    .filter((instant) => brusselsOffsetMinutes(instant) * MINUTE === local - instant)
    .sort((a, b) => a - b);
  if (matches.length === 0) return { kind: 'nonexistent' };
  return { kind: matches.length > 1 ? 'ambiguous' : 'exact', instant: new Date(matches[0]) };
}

/** Like resolveBrusselsWallClock, throwing on a time that does not exist in Brussels. */
export function brusselsWallClockToUtc(value: WallClock): Date {
  const resolution = resolveBrusselsWallClock(value);
  if (resolution.kind === 'invalid' || resolution.kind === 'nonexistent') {
    throw new RangeError(`${value} is not a time on a Brussels clock`);
  }
  return resolution.instant;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The Brussels wall-clock reading of an instant. */
export function toBrusselsWallClock(instant: Date | string): WallClock {
  const fields = brusselsFields(new Date(instant).getTime());
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}`;
}

/** The day it is in Brussels at this instant. */
export function brusselsDate(instant: Date | string = new Date()): CalendarDate {
  return toBrusselsWallClock(instant).slice(0, 10);
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day) + days * DAY);
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const toUtc = (date: CalendarDate) => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

const FIRST_OF_MONTH = /(^|\s)1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/u;

/** French writes the first day of a month as an ordinal: "1 décembre 2026" → "1er décembre 2026". */
export function frenchFirstOfMonth(formatted: string): string {
  return formatted.replace(FIRST_OF_MONTH, '$11er $2');
}
