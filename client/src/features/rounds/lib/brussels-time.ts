import { APP_TIME_ZONE } from '../../../lib/dates';

/** Wall-clock parts in Brussels, read with Intl so the browser's own time zone never matters. */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: APP_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function brusselsParts(date: Date): WallParts {
  const parts = Object.fromEntries(
    wallClock.formatToParts(date).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Brussels' offset from UTC at that instant, in milliseconds (+1 h in winter, +2 h in summer). */
function brusselsOffset(instant: number): number {
  const p = brusselsParts(new Date(instant));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

const pad = (value: number) => String(value).padStart(2, '0');

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The value of an `<input type="datetime-local">`, read as Brussels time, as ISO 8601 UTC.
 * `null` when it is not a real date and time. A time skipped by the spring change (02:30 on
 * the last Sunday of March) moves an hour later; a time that happens twice in October is the
 * second one (winter time), so the answer is always one instant.
 */
export function brusselsLocalToIso(local: string): string | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const probe = new Date(wall);
  if (probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) return null;
  // The offset depends on the instant we are looking for: guess with the wall time, then correct.
  const guess = wall - brusselsOffset(wall);
  return new Date(wall - brusselsOffset(guess)).toISOString();
}

/** An instant as the value of an `<input type="datetime-local">` in Brussels time. */
export function isoToBrusselsLocal(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const p = brusselsParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
