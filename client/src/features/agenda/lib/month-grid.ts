import { addDays, type CalendarDate } from '@coupole/shared';

export interface MonthDay {
  date: CalendarDate;
  inMonth: boolean;
}

/** `YYYY-MM` of a calendar day. */
export function monthOf(day: CalendarDate): string {
  return day.slice(0, 7);
}

/** The month `months` away from `YYYY-MM`. */
export function shiftMonth(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number);
  const moved = new Date(Date.UTC(year, index - 1 + months, 1));
  return `${moved.getUTCFullYear()}-${String(moved.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function isMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** Monday of the week holding the day (weeks start on Monday in Belgium). */
function mondayOf(day: CalendarDate): CalendarDate {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Whole weeks, Monday to Sunday, covering the month; days of the neighbouring months are marked. */
export function monthGrid(month: string): MonthDay[][] {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const weeks: MonthDay[][] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => {
      const date = addDays(monday, index);
      return { date, inMonth: monthOf(date) === month };
    }));
  }
  return weeks;
}

/** The first and last day shown by the month's grid (what to ask the API for). */
export function gridRange(month: string): { from: CalendarDate; to: CalendarDate } {
  const weeks = monthGrid(month);
  return { from: weeks[0][0].date, to: weeks[weeks.length - 1][6].date };
}
