import { frenchFirstOfMonth } from '@coupole/shared';
import type { MandateEndingEvent } from '../mandates/mandates.events';
import type { MeetingActionDueEvent, MeetingReportedEvent } from '../meetings/meetings.events';
import type { NotificationText } from './notification-texts';

// French wording of the representation notifications (mandates, meetings) and their mails.

const dateFormat = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** A calendar date (`YYYY-MM-DD`) in words: "15 janvier 2027". */
function day(date: string): string {
  return frenchFirstOfMonth(dateFormat.format(new Date(`${date}T00:00:00Z`)));
}

/** A Brussels wall-clock time in words, read as written (no conversion). */
function clock(wallClock: string): string {
  return frenchFirstOfMonth(dateTimeFormat.format(new Date(`${wallClock}:00Z`)));
}

export function meetingPath(meetingId: string): string {
  return `/agenda/${meetingId}`;
}

export function meetingReportedText(event: MeetingReportedEvent): NotificationText {
  const who = event.reporterFederation ? `${event.reporterName} (${event.reporterFederation.toUpperCase()})` : event.reporterName;
  const where = event.bodyName ? ` — ${event.bodyName}` : '';
  return {
    kind: 'meeting.reported',
    title: `Retour de mandat : « ${event.title} »${where}`,
    body: `${who} a publié le retour de mandat de la réunion du ${clock(event.start)} (heure de Bruxelles).\n« ${event.excerpt} »`,
    path: meetingPath(event.meetingId),
  };
}

export function actionDueText(event: MeetingActionDueEvent): NotificationText {
  return {
    kind: 'meeting.action_due',
    title: `Action à réaliser pour demain : ${event.title}`,
    body: `L’action « ${event.title} », décidée lors de « ${event.meetingTitle} », est attendue pour le ${day(event.due)}.`,
    path: meetingPath(event.meetingId),
  };
}

export function mandateEndingText(event: MandateEndingEvent): NotificationText {
  return {
    kind: 'mandate.ending',
    title: `Mandat à renouveler : ${event.bodyName} (${event.federation.toUpperCase()})`,
    body: `Le mandat de ${event.holderName} (${event.federation.toUpperCase()}) auprès de ${event.bodyName} prend fin le ${day(event.endDate)}.`,
    path: '/mandats',
  };
}
