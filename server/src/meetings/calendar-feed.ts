import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { BRUSSELS_TIME_ZONE, type MeetingSummaryDto } from '@coupole/shared';

export interface CalendarFeedMeeting extends MeetingSummaryDto {
  sequence: number;
  updatedAt: string;
  description: string;
}

/** A stable UID: the meeting's id never changes, so calendars update the same event. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@coupole`;
}

/**
 * RFC 5545 calendar of a person's meetings: times in Europe/Brussels with its VTIMEZONE (so a
 * meeting keeps its clock time across a daylight-saving change), SEQUENCE from each change,
 * cancelled meetings kept with STATUS:CANCELLED so subscribed calendars drop them.
 */
export function calendarFeed(input: { name: string; meetings: readonly CalendarFeedMeeting[]; publicUrl?: string }): string {
  // The calendar itself has no time zone (DTSTAMP stays in UTC); each event names Brussels and
  // the generator adds the matching VTIMEZONE once.
  const calendar = ical({ name: input.name, prodId: { company: 'La Coupole', product: 'Coupole', language: 'FR' } });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const meeting of input.meetings) {
    calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.sequence,
      stamp: new Date(meeting.updatedAt),
      // Wall-clock strings, written as DTSTART;TZID=Europe/Brussels:… whatever the server's zone.
      start: `${meeting.start}:00`,
      end: `${meeting.end}:00`,
      timezone: BRUSSELS_TIME_ZONE,
      summary: meeting.status === 'cancelled' ? `[Annulée] ${meeting.title}` : meeting.title,
      description: meeting.description,
      location: meeting.place || meeting.link || null,
      url: input.publicUrl ? `${input.publicUrl}/agenda/${meeting.id}` : meeting.link,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
