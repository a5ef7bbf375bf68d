/**
 * Every in-process domain event, by name, with its payload. One map for the whole server: a
 * producer emits after its transaction has committed and knows nothing of who listens (live
 * sockets, notifications, exports, the document's status…). Add a domain's events here, each
 * payload as a named interface in the producing module's `<domain>.events.ts`.
 */
import type { InfoChangedEvent, InfoDeletedEvent } from '../infos/infos.events';
import type { MandateEndingEvent } from '../mandates/mandates.events';
import type { MeetingActionDueEvent, MeetingReportedEvent } from '../meetings/meetings.events';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DomainEventMap {
  /** A marker event the bus's own spec emits; no module listens to it. */
  'bus.probe': { value: number };
  'mandate.ending': MandateEndingEvent;
  'meeting.reported': MeetingReportedEvent;
  'meeting.action-due': MeetingActionDueEvent;
  'info.created': InfoChangedEvent;
  'info.updated': InfoChangedEvent;
  'info.deleted': InfoDeletedEvent;
}

export type DomainEventName = keyof DomainEventMap;
export type DomainEventPayload<K extends DomainEventName> = DomainEventMap[K];
