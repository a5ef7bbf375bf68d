import type {
  ConsultationLiveEvent,
  ConsultationLiveEventType,
  InfoLiveEvent,
  InfoLiveEventType,
  LiveClientToServerEvents,
  LiveEvent,
  LiveEventType,
  LiveServerToClientEvents,
  PresenceEntry,
  Role,
} from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { ListScope } from '../documents/documents.service';
import { AppConfigService } from '../config/app-config.service';
import { PresenceService } from '../presence/presence.service';
import { revokedSessionRooms, sessionRoom, userRoom } from '../realtime/realtime-rooms';

/** Between server instances (through the Redis adapter), never seen by clients. */
export interface LiveInterServerEvents {
  'live:presence': (documentId: string, editors: PresenceEntry[]) => void;
}

export interface LiveSocketData {
  user: { id: string; role: Role };
  sessionId: string;
}

export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, LiveInterServerEvents, LiveSocketData>;
export type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, LiveInterServerEvents, LiveSocketData>;

/** Who follows one document (subscribed with `subscribe`). */
export const documentRoom = (documentId: string) => `document:${documentId}`;
/** Every connected secretariat, admin and representative: they may see every document. */
export const STAFF_ROOM = 'list:staff';
/** Who follows one consultation's answers (its results page, `followConsultation`). */
export const consultationRoom = (consultationId: string) => `consultation:${consultationId}`;
/** Observers invited to one document get its list summaries here. */
export const listRoom = (documentId: string) => `list:document:${documentId}`;

/** The same people, in any order, under the same names. */
function sameEditors(known: readonly PresenceEntry[], editors: readonly PresenceEntry[]): boolean {
  if (known.length !== editors.length) return false;
  const byUser = new Map(known.map((entry) => [entry.userId, entry]));
  return editors.every((entry) => {
    const same = byUser.get(entry.userId);
    return same !== undefined && same.displayName === entry.displayName && same.federation === entry.federation;
  });
}

/** Events the document list also shows, so they go to everyone allowed to see the document. */
const LIST_SUMMARY_TYPES: ReadonlySet<LiveEventType> = new Set<LiveEventType>([
  'document.updated',
  'document.edited',
  'presence',
  'version.created',
  'round.opened',
  'round.updated',
  'round.deadline_extended',
  'round.closed',
]);

/**
 * The one way services push `/live` events (never `server.emit` elsewhere). Rooms are relayed
 * between instances by the socket.io Redis adapter when one is configured.
 */
@Injectable()
export class LiveService {
  private namespace?: LiveNamespace;
  /** Only with Redis are there other instances to tell (the in-memory adapter warns on each try). */
  private readonly multiInstance: boolean;

  constructor(
    private readonly presence: PresenceService,
    config: AppConfigService,
  ) {
    this.multiInstance = config.redisUrl !== undefined;
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
    namespace.on('live:presence', (documentId, editors) => this.storePresence(documentId, editors));
  }

  /** Emits the event under its type to the document's followers, and list summaries wider. */
  publish(event: LiveEvent): void {
    if (!this.namespace) return;
    const rooms = [documentRoom(event.documentId)];
    if (LIST_SUMMARY_TYPES.has(event.type)) rooms.push(STAFF_ROOM, listRoom(event.documentId));
    // One emit to the union of rooms: a socket in several of them receives the event once.
    // socket.io cannot pair a union of event names with its payloads, hence the widening.
    const target = this.namespace.to(rooms);
    (target.emit.bind(target) as (type: LiveEventType, event: LiveEvent) => boolean)(event.type, event);
  }

  /** A watch (*Veille*) event: every connected member shares the list of infos. */
  publishInfo(event: InfoLiveEvent): void {
    if (!this.namespace) return;
    const target = this.namespace.to(STAFF_ROOM);
    (target.emit.bind(target) as (type: InfoLiveEventType, event: InfoLiveEvent) => boolean)(event.type, event);
  }

  /** A consultation's event, to the sockets that follow it (admitted by its visibility rule). */
  publishConsultation(event: ConsultationLiveEvent): void {
    if (!this.namespace) return;
    const target = this.namespace.to(consultationRoom(event.consultationId));
    (target.emit.bind(target) as (type: ConsultationLiveEventType, event: ConsultationLiveEvent) => boolean)(event.type, event);
  }

  /** An event for one person only (a notification), on every socket they have open. */
  publishToUser(userId: string, event: LiveEvent): void {
    if (!this.namespace) return;
    const room = this.namespace.to(userRoom(userId));
    (room.emit.bind(room) as (type: LiveEventType, event: LiveEvent) => boolean)(event.type, event);
  }

  /**
   * Someone joined or left a document's editor: `editors` is everyone editing it now, on every
   * instance. Told only when the people changed: another tab of someone already there, or one of
   * two closing, changes nothing on screen, and the event goes to every member's document list
   * (with thousands of tabs open, one event per tab to every other tab). `republish` tells it
   * again anyway (messages between instances were lost).
   */
  setPresence(documentId: string, editors: PresenceEntry[], { republish = false } = {}): void {
    if (!republish && sameEditors(this.presence.editorsOf(documentId), editors)) return;
    this.storePresence(documentId, editors);
    if (!this.namespace) return;
    if (this.multiInstance) this.namespace.serverSideEmit('live:presence', documentId, editors);
    this.publish({ type: 'presence', documentId, at: new Date().toISOString(), payload: { editors } });
  }

  /** A new connection joins its user's and session's rooms and the list rooms it may see. */
  async admit(socket: LiveSocket, scope: ListScope): Promise<void> {
    const rooms = [userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)];
    if (scope === 'all') rooms.push(STAFF_ROOM);
    else rooms.push(...scope.map(listRoom));
    await socket.join(rooms);
  }

  follow(socket: LiveSocket, documentId: string): Promise<void> | void {
    return socket.join(documentRoom(documentId));
  }

  unfollow(socket: LiveSocket, documentId: string): Promise<void> | void {
    return socket.leave(documentRoom(documentId));
  }

  followConsultation(socket: LiveSocket, consultationId: string): Promise<void> | void {
    return socket.join(consultationRoom(consultationId));
  }

  unfollowConsultation(socket: LiveSocket, consultationId: string): Promise<void> | void {
    return socket.leave(consultationRoom(consultationId));
  }

  /** Observers just invited to a document start receiving its list summaries. */
  grantList(documentId: string, userIds: readonly string[]): void {
    if (!this.namespace || userIds.length === 0) return;
    this.namespace.in(userIds.map(userRoom)).socketsJoin(listRoom(documentId));
  }

  /** Observers no longer invited stop receiving anything about the document. */
  revoke(documentId: string, userIds: readonly string[]): void {
    if (!this.namespace || userIds.length === 0) return;
    this.namespace.in(userIds.map(userRoom)).socketsLeave([listRoom(documentId), documentRoom(documentId)]);
  }

  /**
   * The account changed (deactivated, new role…): its sockets on every instance close, and the
   * app reconnects under the new rights (or is refused).
   */
  disconnectUser(userId: string): void {
    this.namespace?.in(userRoom(userId)).disconnectSockets(true);
  }

  disconnectSessions(event: { userId: string; sessionId?: string; exceptSessionId?: string }): void {
    if (!this.namespace) return;
    const { rooms, except } = revokedSessionRooms(event);
    this.namespace.in(rooms).except(except).disconnectSockets(true);
  }

  /**
   * Closes this instance's sockets that `stillAllowed` refuses (after messages between
   * instances were lost, a revocation made through another instance may not have reached them).
   */
  async recheckLocalSockets(stillAllowed: (data: LiveSocketData) => Promise<boolean>): Promise<void> {
    for (const socket of [...(this.namespace?.sockets.values() ?? [])]) {
      if (!(await stillAllowed(socket.data))) socket.disconnect(true);
    }
  }

  private storePresence(documentId: string, editors: PresenceEntry[]): void {
    this.presence.set(documentId, editors);
  }
}
