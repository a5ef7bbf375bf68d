import type { CastPositionDto, EvidenceDto, Tally } from '../consensus/dto';
import type { RoundObjectionDto, RoundReservationDto } from '../consensus/round-views';
import type { CommentDto, DocumentDto } from '../domain/documents';
import type { InfoDto } from '../domain/infos';
import type { SuggestionDto } from '../suggestions/suggestions';

/**
 * Domain events pushed on the `/live` namespace. Each is emitted under the socket event name
 * equal to its `type` (DESIGN §5); a client that missed some refetches.
 */
export interface LiveEventBase<T extends string, P> {
  type: T;
  documentId: string;
  roundId?: string;
  at: string;
  payload: P;
}

export interface PresenceEntry {
  userId: string;
  displayName: string;
  federation: string | null;
}

export type DocumentUpdatedEvent = LiveEventBase<
  'document.updated',
  { document: Omit<DocumentDto, 'markdown'> }
>;
export type DocumentEditedEvent = LiveEventBase<'document.edited', { lastEditedAt: string; by: PresenceEntry | null }>;
export type VersionCreatedEvent = LiveEventBase<'version.created', { number: number; contentHash: string }>;
export type CommentCreatedEvent = LiveEventBase<'comment.created', { comment: CommentDto }>;
export type CommentUpdatedEvent = LiveEventBase<'comment.updated', { comment: CommentDto }>;
export type SuggestionCreatedEvent = LiveEventBase<'suggestion.created', { suggestion: SuggestionDto }>;
export type SuggestionUpdatedEvent = LiveEventBase<'suggestion.updated', { suggestion: SuggestionDto }>;
export type PresenceEvent = LiveEventBase<'presence', { editors: PresenceEntry[] }>;
export type RoundOpenedEvent = LiveEventBase<'round.opened', { number: number; closesAt: string }>;
/**
 * A position was committed. `seq` numbers a round's `round.updated` events 1, 2, 3… in commit
 * order (assigned in the cast's own statement) and `GET /api/rounds/:id` answers the `seq` it is
 * current with: a client applies an event whose `seq` is its own + 1, ignores an older one, and
 * refetches the round when one was skipped. `tally` counts every cast up to `seq`.
 */
export interface RoundUpdatedPayload {
  tally: Tally;
  seq: number;
  /** The position as now cast (its previous state, if any, becomes the last of its history). */
  position: CastPositionDto & { evidence: EvidenceDto[] };
  /** The casting federation's objection in this round as the cast left it (raised, changed or withdrawn); null when it touched none. */
  objection: RoundObjectionDto | null;
  /** Its reservation in this round as the cast left it (cast, changed or withdrawn); null or absent when it touched none. */
  reservation?: RoundReservationDto | null;
}
export type RoundUpdatedEvent = LiveEventBase<'round.updated', RoundUpdatedPayload>;
export type RoundDeadlineExtendedLiveEvent = LiveEventBase<'round.deadline_extended', { closesAt: string; previousClosesAt: string }>;
export type RoundClosedEvent = LiveEventBase<'round.closed', { outcome: string; decisionSeq: number | null }>;
export type NotificationEvent = LiveEventBase<'notification', { id: string; title: string; body: string }>;

export type LiveEvent =
  | DocumentUpdatedEvent
  | DocumentEditedEvent
  | VersionCreatedEvent
  | CommentCreatedEvent
  | CommentUpdatedEvent
  | SuggestionCreatedEvent
  | SuggestionUpdatedEvent
  | PresenceEvent
  | RoundOpenedEvent
  | RoundUpdatedEvent
  | RoundDeadlineExtendedLiveEvent
  | RoundClosedEvent
  | NotificationEvent;

export type LiveEventType = LiveEvent['type'];
/** An event about one subject other than a document, named by its `key` (`infoId`, `consultationId`). */
type SubjectLiveEvent<T extends string, K extends string, P> = { type: T; at: string; payload: P } & Record<K, string>;
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

/**
 * The watch (*Veille*): not about a document, so no `documentId`. Sent to every connected
 * member (the list of infos is shared); `info` is as the list shows it, so a client inserts or
 * patches it without refetching. Its `permissions` are the author's: refetch to learn your own.
 */
export type InfoLiveEventBase<T extends string, P> = SubjectLiveEvent<T, 'infoId', P>;
export type InfoCreatedEvent = InfoLiveEventBase<'info.created', { info: InfoDto }>;
export type InfoUpdatedEvent = InfoLiveEventBase<'info.updated', { info: InfoDto }>;
export type InfoDeletedEvent = InfoLiveEventBase<'info.deleted', Record<string, never>>;
export type InfoLiveEvent = InfoCreatedEvent | InfoUpdatedEvent | InfoDeletedEvent;
export type InfoLiveEventType = InfoLiveEvent['type'];

/**
 * A consultation's answers: not about a document. Sent only to the sockets following that
 * consultation (`followConsultation`, refused unless the caller may see its results), once an
 * ILI's answer is committed; `invited` and `responded` are the overall figures, so the results
 * page patches its rate at once and refetches the breakdowns.
 */
export type ConsultationLiveEventBase<T extends string, P> = SubjectLiveEvent<T, 'consultationId', P>;
export type ConsultationAnsweredLiveEvent = ConsultationLiveEventBase<'consultation.answered', { invited: number; responded: number }>;
export type ConsultationLiveEvent = ConsultationAnsweredLiveEvent;
export type ConsultationLiveEventType = ConsultationLiveEvent['type'];

export const LIVE_NAMESPACE = '/live';

/** Server → client: one socket event per domain event type. */
type ListenersOf<E extends { type: string }> = { [T in E['type']]: (event: Extract<E, { type: T }>) => void };
export type LiveServerToClientEvents = ListenersOf<LiveEvent> & ListenersOf<InfoLiveEvent> & ListenersOf<ConsultationLiveEvent>;

export interface LiveSubscription {
  documentId: string;
}

export interface LiveAck {
  ok: boolean;
  error?: string;
}

export interface ConsultationSubscription {
  consultationId: string;
}

/** Client → server: follow or stop following one document's events, or one consultation's answers. */
export interface LiveClientToServerEvents {
  subscribe: (request: LiveSubscription, ack: (result: LiveAck) => void) => void;
  unsubscribe: (request: LiveSubscription, ack: (result: LiveAck) => void) => void;
  followConsultation: (request: ConsultationSubscription, ack: (result: LiveAck) => void) => void;
  unfollowConsultation: (request: ConsultationSubscription, ack: (result: LiveAck) => void) => void;
}
