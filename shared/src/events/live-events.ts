import type { Tally } from '../consensus/dto';
import type { CommentDto, DocumentDto } from '../domain/documents';

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
export type PresenceEvent = LiveEventBase<'presence', { editors: PresenceEntry[] }>;
export type RoundOpenedEvent = LiveEventBase<'round.opened', { number: number; closesAt: string }>;
export type RoundUpdatedEvent = LiveEventBase<'round.updated', { tally: Tally }>;
export type RoundClosedEvent = LiveEventBase<'round.closed', { outcome: string; decisionSeq: number | null }>;
export type NotificationEvent = LiveEventBase<'notification', { id: string; title: string; body: string }>;

export type LiveEvent =
  | DocumentUpdatedEvent
  | DocumentEditedEvent
  | VersionCreatedEvent
  | CommentCreatedEvent
  | CommentUpdatedEvent
  | PresenceEvent
  | RoundOpenedEvent
  | RoundUpdatedEvent
  | RoundClosedEvent
  | NotificationEvent;

export type LiveEventType = LiveEvent['type'];
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

export const LIVE_NAMESPACE = '/live';

/** Server → client: one socket event per domain event type. */
export type LiveServerToClientEvents = {
  [T in LiveEventType]: (event: LiveEventOf<T>) => void;
};

export interface LiveSubscription {
  documentId: string;
}

export interface LiveAck {
  ok: boolean;
  error?: string;
}

/** Client → server: follow or stop following one document's events. */
export interface LiveClientToServerEvents {
  subscribe: (request: LiveSubscription, ack: (result: LiveAck) => void) => void;
  unsubscribe: (request: LiveSubscription, ack: (result: LiveAck) => void) => void;
}
