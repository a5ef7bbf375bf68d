import type { DocumentKind } from '../domain/documents';
import { addDays, brusselsDate, isCalendarDate, type CalendarDate } from './brussels-time';

/** Only these adopted texts are sent out and followed up. */
export const DISPATCHABLE_KINDS = ['courrier', 'question_parlementaire', 'memorandum'] as const satisfies readonly DocumentKind[];

export function isDispatchable(kind: DocumentKind): boolean {
  return (DISPATCHABLE_KINDS as readonly string[]).includes(kind);
}

export const DISPATCH_STATUSES = ['to_send', 'sent', 'answered', 'no_answer'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

/** A sent text with no answer after this many days is overdue, unless the dispatch says otherwise. */
export const DEFAULT_DISPATCH_OVERDUE_DAYS = 30;
export const DISPATCH_OVERDUE_DAYS_MAX = 365;

/** `to_send → sent → answered | no_answer`; an answer that arrives late still counts. */
const TRANSITIONS: Record<DispatchStatus, readonly DispatchStatus[]> = {
  to_send: ['sent'],
  sent: ['answered', 'no_answer'],
  no_answer: ['answered'],
  answered: [],
};

export function canMoveDispatch(from: DispatchStatus, to: DispatchStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function isDispatchOpen(status: DispatchStatus): boolean {
  return status === 'to_send' || status === 'sent';
}

export interface DispatchState {
  status: DispatchStatus;
  sentAt: CalendarDate | null;
  answeredAt: CalendarDate | null;
  answer: string | null;
  overdueAfterDays: number;
}

export interface DispatchChange {
  status?: DispatchStatus;
  sentAt?: CalendarDate | null;
  answeredAt?: CalendarDate | null;
  answer?: string | null;
}

export type DispatchChangeResult =
  | { ok: true; value: DispatchState }
  | { ok: false; conflict?: string; errors: string[] };

/**
 * Applies a change to a dispatch: moving to `sent` dates it today unless `sentAt` is given,
 * `answered` likewise with `answeredAt`; dates are never in the future and an answer never
 * comes before the sending. A move the status machine refuses is a conflict (409), a bad
 * field an error (400).
 */
export function changeDispatch(current: DispatchState, change: DispatchChange, now: Date): DispatchChangeResult {
  const today = brusselsDate(now);
  const status = change.status ?? current.status;
  if (!canMoveDispatch(current.status, status)) {
    return { ok: false, conflict: `status cannot go from ${current.status} to ${status}`, errors: [] };
  }
  const next: DispatchState = { ...current, status };
  if (change.sentAt !== undefined) next.sentAt = change.sentAt;
  if (change.answeredAt !== undefined) next.answeredAt = change.answeredAt;
  if (change.answer !== undefined) next.answer = change.answer;
  if (status !== 'to_send' && next.sentAt === null) next.sentAt = today;
  if (status === 'answered' && next.answeredAt === null) next.answeredAt = today;

  const errors: string[] = [];
  for (const field of ['sentAt', 'answeredAt'] as const) {
    const value = next[field];
    if (value === null) continue;
    if (!isCalendarDate(value)) errors.push(`${field} must be a date (YYYY-MM-DD)`);
    else if (value > today) errors.push(`${field} must not be in the future`);
  }
  if (status === 'to_send' && next.sentAt !== null) errors.push('sentAt must be empty until the text is sent');
  if (status !== 'answered' && (next.answeredAt !== null || (next.answer ?? '') !== '')) {
    errors.push('answeredAt and answer are only kept once status is answered');
  }
  if (errors.length === 0 && next.sentAt && next.answeredAt && next.answeredAt < next.sentAt) {
    errors.push('answeredAt must not be before sentAt');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: next };
}

/** The day from which a sent, unanswered text is overdue. */
export function dispatchDueDate(dispatch: Pick<DispatchState, 'status' | 'sentAt' | 'overdueAfterDays'>): CalendarDate | null {
  if (dispatch.status !== 'sent' || dispatch.sentAt === null) return null;
  return addDays(dispatch.sentAt, dispatch.overdueAfterDays);
}

export function isDispatchOverdue(dispatch: Pick<DispatchState, 'status' | 'sentAt' | 'overdueAfterDays'>, now: Date): boolean {
  const due = dispatchDueDate(dispatch);
  return due !== null && brusselsDate(now) > due;
}
