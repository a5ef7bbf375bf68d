import { addDays, brusselsDate, daysBetween, type MeetingDto, type MeetingKind } from '@coupole/shared';
import type { MeetingInput } from '../api/meetings';

export interface AgendaRow {
  key: number;
  title: string;
  documentId: string;
  /** Kept from the API (the form does not pick rounds); dropped when the row's document changes. */
  roundId: string;
}

/** What the meeting form edits: the Brussels day and wall-clock times as typed. */
export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  bodyId: string;
  day: string;
  start: string;
  end: string;
  /** Days from the start's day to the end's (0 for the usual meeting); kept when the day moves. */
  endDayOffset: number;
  place: string;
  link: string;
  attendeeIds: string[];
  agenda: AgendaRow[];
}

export const emptyAgendaRow = (key: number): AgendaRow => ({ key, title: '', documentId: '', roundId: '' });

/** A new meeting: a week from today, 10:00–12:00 in Brussels, its author attending. */
export function newMeetingValues(authorId: string, today = brusselsDate()): MeetingFormValues {
  return {
    title: '',
    kind: 'coupole',
    bodyId: '',
    day: addDays(today, 7),
    start: '10:00',
    end: '12:00',
    endDayOffset: 0,
    place: '',
    link: '',
    attendeeIds: [authorId],
    agenda: [emptyAgendaRow(1)],
  };
}

/** An existing meeting's details, as the form shows them. */
export function meetingFormValues(meeting: MeetingDto): MeetingFormValues {
  const [day, start] = meeting.start.split('T');
  const [endDay, end] = meeting.end.split('T');
  return {
    title: meeting.title,
    kind: meeting.kind,
    bodyId: meeting.body?.id ?? '',
    day,
    start,
    end,
    endDayOffset: daysBetween(day, endDay),
    place: meeting.place,
    link: meeting.link ?? '',
    attendeeIds: meeting.attendees.map((person) => person.id),
    agenda: meeting.agenda.map((item, index) => ({ key: index + 1, title: item.title, documentId: item.documentId ?? '', roundId: item.roundId ?? '' })),
  };
}

/** The API's body for creating or editing (PATCH takes the same full details); empty agenda rows are left out. */
export function meetingInput(values: MeetingFormValues): MeetingInput {
  return {
    title: values.title,
    kind: values.kind,
    start: `${values.day}T${values.start}`,
    end: `${addDays(values.day, values.endDayOffset)}T${values.end}`,
    place: values.place,
    link: values.link.trim() || null,
    bodyId: values.bodyId || null,
    attendeeIds: values.attendeeIds,
    agenda: values.agenda
      .filter((row) => row.title.trim())
      .map((row) => ({ title: row.title, documentId: row.documentId || null, roundId: row.roundId || null })),
  };
}
