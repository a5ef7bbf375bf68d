/**
 * Calendar days typed and picked the French way (jj/mm/aaaa, 14h30), whatever the browser's
 * language: the native date inputs follow the browser's locale (mm/dd/yyyy, AM/PM in an English
 * Chromium). Days are `YYYY-MM-DD` strings, times `HH:mm`: wall-clock values with no time zone,
 * as the forms send them (a Brussels day or time).
 */

const pad = (value: number) => String(value).padStart(2, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "31/12/2026", "31-12-2026", "31.12.2026", "1/2/2026" or "1/2/26" → "2026-12-31"; null if no such day. */
export function parseFrenchDay(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  if (!isRealDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-12-31" → "31/12/2026"; "" for anything else. */
export function frenchDayText(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** "14:30", "14h30", "14 h 30", "14h", "9" → "14:30" / "14:00" / "09:00"; null if not a time of day. */
export function parseFrenchTime(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** The same day of the month `count` months later, or that month's last day if it is shorter. */
export function addMonths(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + count, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(date, lastDay))}`;
}

/** The weeks (Monday first) of the month holding `day`; days of other months are null. */
export function monthWeeks(day: string): (string | null)[][] {
  const [year, month] = day.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leading = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array(leading).fill(null)];
  for (let date = 1; date <= length; date++) cells.push(`${year}-${pad(month)}-${pad(date)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

/** Whether `day` lies within the optional bounds (inclusive). */
export function dayWithin(day: string, min?: string, max?: string): boolean {
  return (!min || day >= min) && (!max || day <= max);
}
