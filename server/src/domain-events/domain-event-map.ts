import type { AuthEvents } from '../auth/auth.events';
import type { CollabEvents } from '../collab/collab.events';
import type { CommentEvents } from '../comments/comments.events';
import type { ConsultationEvents } from '../consultations/consultations.events';
import type { DocumentEvents } from '../documents/documents.events';
import type { FederationReminderEvents } from '../federation-reminders/federation-reminders.events';
import type { InfoChangedEvent, InfoDeletedEvent } from '../infos/infos.events';
import type { MandateEndingEvent } from '../mandates/mandates.events';
import type { MeetingActionDueEvent, MeetingReportedEvent } from '../meetings/meetings.events';
import type { NotificationEvents } from '../notifications/notifications.events';
import type { PublicationEvents } from '../publications/publications.events';
import type { RealtimeEvents } from '../realtime/realtime.events';
import type { RoundEvents } from '../rounds/rounds.events';
import type { SuggestionEvents } from '../suggestions/suggestions.events';
import type { UserEvents } from '../users/users.events';
import type { VersionEvents } from '../versions/versions.events';

/**
 * Every in-process domain event, by name, with its payload. One map for the whole server: a
 * producer emits after its transaction has committed and knows nothing of who listens (live
 * sockets, notifications, exports, the document's status…). A domain declares its events as an
 * interface in its `<domain>.events.ts` (payloads of plain data, importing only `@coupole/shared`)
 * and adds it to the `extends` list below.
 */
export interface DomainEventMap extends AuthEvents, UserEvents, ConsultationEvents, CollabEvents, CommentEvents, DocumentEvents, FederationReminderEvents, NotificationEvents, PublicationEvents, RealtimeEvents, RoundEvents, SuggestionEvents, VersionEvents {
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
