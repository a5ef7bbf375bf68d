import { frenchFirstOfMonth } from '@coupole/shared';

export const APP_TIME_ZONE = 'Europe/Brussels';

const formats = {
  date: new Intl.DateTimeFormat('fr-BE', { timeZone: APP_TIME_ZONE, dateStyle: 'long' }),
  dateTime: new Intl.DateTimeFormat('fr-BE', {
    timeZone: APP_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  time: new Intl.DateTimeFormat('fr-BE', { timeZone: APP_TIME_ZONE, hour: '2-digit', minute: '2-digit' }),
  weekdayDate: new Intl.DateTimeFormat('fr-BE', { timeZone: APP_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  month: new Intl.DateTimeFormat('fr-BE', { timeZone: APP_TIME_ZONE, month: 'long', year: 'numeric' }),
} as const;

/**
 * One way to write a date on screen: "1er décembre 2026" (with the time or the weekday where it
 * matters), in prose, tables and select options alike. Only date fields take jj/mm/aaaa, as typed.
 */
export type DateFormat = keyof typeof formats;

/** The API speaks UTC ISO 8601; users read Brussels time. */
export function formatDate(value: string | Date, format: DateFormat = 'dateTime'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return frenchFirstOfMonth(formats[format].format(date));
}

/** A calendar day (`YYYY-MM-DD`, already a Brussels day) in words; noon UTC is that day in Brussels. */
export function formatDay(day: string, format: DateFormat = 'date'): string {
  return formatDate(`${day}T12:00:00Z`, format);
}
