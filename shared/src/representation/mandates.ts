import { daysBetween, isCalendarDate, type CalendarDate } from './brussels-time';

/** A mandate ending within this many days is flagged, and the secretariat is mailed once. */
export const MANDATE_ENDING_SOON_DAYS = 60;

export const MANDATE_SEATS = ['titular', 'substitute'] as const;
export type MandateSeat = (typeof MANDATE_SEATS)[number];

export type MandateState = 'upcoming' | 'current' | 'past';

export interface MandateDates {
  startDate: CalendarDate;
  /** Open-ended when null. */
  endDate: CalendarDate | null;
}

export function mandateState(mandate: MandateDates, today: CalendarDate): MandateState {
  if (mandate.startDate > today) return 'upcoming';
  if (mandate.endDate !== null && mandate.endDate < today) return 'past';
  return 'current';
}

/** A current (or upcoming) mandate whose end falls within the next 60 days, today included. */
export function isMandateEndingSoon(mandate: MandateDates, today: CalendarDate, withinDays = MANDATE_ENDING_SOON_DAYS): boolean {
  if (mandate.endDate === null || mandateState(mandate, today) === 'past') return false;
  return daysBetween(today, mandate.endDate) <= withinDays;
}

/** Field errors, worded as the API reports them (empty when valid). */
export function validateMandateDates(mandate: { startDate?: unknown; endDate?: unknown }): string[] {
  const errors: string[] = [];
  if (!isCalendarDate(mandate.startDate)) errors.push('startDate must be a date (YYYY-MM-DD)');
  if (mandate.endDate !== null && mandate.endDate !== undefined && !isCalendarDate(mandate.endDate)) {
    errors.push('endDate must be a date (YYYY-MM-DD) or null');
  }
  if (errors.length === 0 && typeof mandate.endDate === 'string' && (mandate.endDate as string) < (mandate.startDate as string)) {
    errors.push('endDate must not be before startDate');
  }
  return errors;
}
