import type { CollabClientToServerEvents, CollabServerToClientEvents } from '@coupole/shared';
import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { AppConfigService } from '../config/app-config.service';
import { CollabMetrics } from '../document-body/collab-metrics';
import { revokedSessionRooms, sessionRoom, userRoom } from '../realtime/realtime-rooms';

/** What each socket of `/collab` carries in `socket.data`. */
export interface CollabSocketData {
  user: { id: string; displayName: string; federation: string | null; role: string };
  sessionId: string;
  documentId?: string;
  canEdit?: boolean;
}

/**
 * Messages between server instances (through the Redis adapter), never seen by clients. The
 * adapter sends `serverSideEmit` arguments as JSON, where bytes do not survive: they travel as
 * base64 strings.
 */
export interface CollabInterServerEvents {
  /** A durable update applied on another instance: keep this instance's copy in step. */
  'collab:update': (documentId: string, update: string) => void;
  /** An awareness update received on another instance. */
  'collab:awareness': (documentId: string, message: string) => void;
}

/** How long the room's members on other instances are waited for (the presence). */
const ROOM_MEMBERS_TIMEOUT_MS = 6_000;

type InstanceListener = (documentId: string, bytes: Uint8Array) => void;

export type CollabNamespace = Namespace<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  CollabInterServerEvents,
  CollabSocketData
>;
export type CollabSocket = Socket<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  CollabInterServerEvents,
  CollabSocketData
>;

export function documentRoom(documentId: string): string {
  return `document:${documentId}`;
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

/**
 * The one place that sends on `/collab`: to a document's room (every instance, through the
 * socket.io adapter) and, with Redis, to the other instances' in-memory documents. The
 * gateway binds the namespace once it exists; services call these methods.
 */
@Injectable()
export class CollabRelay {
  private readonly logger = new Logger(CollabRelay.name);
  private namespace?: CollabNamespace;
  private readonly multiInstance: boolean;
  /** Updates applied in this event-loop turn, per document, not broadcast yet. */
  private readonly outgoing = new Map<string, Array<{ update: Uint8Array; except?: CollabSocket }>>();
  private instanceUpdateListener?: InstanceListener;
  private instanceAwarenessListener?: InstanceListener;

  constructor(
    config: AppConfigService,
    private readonly metrics: CollabMetrics,
  ) {
    this.multiInstance = config.redisUrl !== undefined;
  }

  /** Whether other instances may hold live copies of the same documents (REDIS_URL is set). */
  get spansInstances(): boolean {
    return this.multiInstance;
  }

  bind(namespace: CollabNamespace): void {
    this.namespace = namespace;
    namespace.on('collab:update', (documentId: unknown, update: unknown) =>
      this.receive(documentId, update, this.instanceUpdateListener),
    );
    namespace.on('collab:awareness', (documentId: unknown, message: unknown) =>
      this.receive(documentId, message, this.instanceAwarenessListener),
    );
  }


  onInstanceUpdate(listener: InstanceListener): void {
    this.instanceUpdateListener = listener;
  }

  onInstanceAwareness(listener: InstanceListener): void {
    this.instanceAwarenessListener = listener;
  }

  /**
   * Sends a document update to the room's sockets on every instance, but `except`. Updates of
   * one document applied in the same event-loop turn go out as one merged message (to every
   * socket, senders included: Yjs ignores what it already has), so a server that falls behind
   * under load sends one frame per socket and turn rather than one per update. No timer: a
   * lone update leaves at the end of the current turn.
   */
  broadcastUpdate(documentId: string, update: Uint8Array, except?: CollabSocket): void {
    let queue = this.outgoing.get(documentId);
    if (!queue) {
      this.outgoing.set(documentId, (queue = []));
      setImmediate(() => this.flushUpdates(documentId));
    }
    queue.push({ update, except });
  }

  broadcastAwareness(documentId: string, message: Uint8Array, except?: CollabSocket): void {
    if (except) except.to(documentRoom(documentId)).emit('awareness', message);
    else this.namespace?.to(documentRoom(documentId)).emit('awareness', message);
  }

  /** To the room's sockets on this instance only (each instance resynchronises its own). */
  broadcastLocally(documentId: string, update: Uint8Array): void {
    this.namespace?.local.to(documentRoom(documentId)).emit('sync', encodeSyncUpdate(update));
  }

  /** Only with Redis: the in-memory adapter has no other instance to tell. */
  tellOtherInstances(event: keyof CollabInterServerEvents, documentId: string, bytes: Uint8Array): void {
    if (!this.multiInstance || !this.namespace) return;
    try {
      this.namespace.serverSideEmit(event, documentId, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'));
    } catch (error) {
      this.logger.warn(`Could not relay ${event} to the other instances: ${String(error)}`);
    }
  }

  private flushUpdates(documentId: string): void {
    const queue = this.outgoing.get(documentId) ?? [];
    this.outgoing.delete(documentId);
    if (queue.length === 0 || !this.namespace) return;
    const startedAt = performance.now();
    const room = documentRoom(documentId);
    if (queue.length === 1) {
      const [{ update, except }] = queue;
      const message = encodeSyncUpdate(update);
      if (except) except.to(room).emit('sync', message);
      else this.namespace.to(room).emit('sync', message);
    } else {
      this.namespace.to(room).emit('sync', encodeSyncUpdate(Y.mergeUpdates(queue.map((entry) => entry.update))));
    }
    this.metrics.record('broadcast', performance.now() - startedAt);
    this.metrics.record('broadcastUpdates', queue.length);
  }

  private receive(documentId: unknown, payload: unknown, listener: InstanceListener | undefined): void {
    if (typeof documentId !== 'string' || typeof payload !== 'string') {
      this.logger.warn('Ignored a malformed message from another instance.');
      return;
    }
    listener?.(documentId, new Uint8Array(Buffer.from(payload, 'base64')));
  }

  /** A new connection joins its user's and session's rooms, through which it can be revoked. */
  async admit(socket: CollabSocket): Promise<void> {
    await socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
  }

  /** Closes, on every instance, the sockets of these users (they reconnect under new rights). */
  disconnectUsers(userIds: readonly string[]): void {
    if (userIds.length > 0) this.namespace?.in(userIds.map(userRoom)).disconnectSockets(true);
  }

  disconnectSessions(event: { userId: string; sessionId?: string; exceptSessionId?: string }): void {
    if (!this.namespace) return;
    const { rooms, except } = revokedSessionRooms(event);
    this.namespace.in(rooms).except(except).disconnectSockets(true);
  }

  /** This instance's sockets. */
  localSockets(): CollabSocket[] {
    return [...(this.namespace?.sockets.values() ?? [])];
  }

  /** Closes this instance's sockets (shutdown); they reconnect to another instance. */
  disconnectLocalSockets(): void {
    this.namespace?.local.disconnectSockets(true);
  }

  /** Closes every socket of a document's room on every instance (they rejoin read-only). */
  disconnectDocument(documentId: string): void {
    this.namespace?.in(documentRoom(documentId)).disconnectSockets(true);
  }

  /**
   * The sockets in a document's room on every instance (their `data`); only this instance's
   * while Redis is unreachable (the presence is published again once it is back).
   */
  async roomMembers(documentId: string): Promise<CollabSocketData[]> {
    if (!this.namespace) return [];
    const room = documentRoom(documentId);
    if (!this.multiInstance) return (await this.namespace.in(room).fetchSockets()).map((socket) => socket.data);
    let timer: NodeJS.Timeout | undefined;
    const everywhere = this.namespace.in(room).fetchSockets();
    // Past its own request timeout the adapter rejects; a Redis command stuck on a dead
    // connection would never settle: the answer waits no longer than this.
    const gaveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ROOM_MEMBERS_TIMEOUT_MS)));
    const sockets = await Promise.race([everywhere.catch(() => null), gaveUp]);
    clearTimeout(timer);
    return (sockets ?? (await this.namespace.local.in(room).fetchSockets())).map((socket) => socket.data);
  }

  /** Sockets of this instance in the room. */
  localRoomSize(documentId: string): number {
    return this.namespace?.adapter.rooms.get(documentRoom(documentId))?.size ?? 0;
  }
}
