import type { CollabAck, CollabJoin, PresenceEntry } from '@coupole/shared';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { HandshakeLike } from '../auth/access-token';
import type { SessionsRevokedEvent } from '../auth/auth.events';
import { PASSWORD_CHANGE_REQUIRED } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { CollabMetrics } from '../document-body/collab-metrics';
import type { DocumentAccessChanged } from '../documents/documents.events';
import { DocumentActor, DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { FederationsService } from '../federations/federations.service';
import { forgetHandshakeToken } from '../realtime/socket-memory';
import { recordKey, SharedRecords } from '../realtime/shared-records';
import type { User } from '../users/user.entity';
import { CollabRefusal } from './collab-refusal';
import { CollabRelay, CollabSocket, CollabSocketData, documentRoom, toBytes } from './collab-relay';
import { DocumentStateService, LiveDocument } from './document-state.service';
import { JoinDocumentDto } from './dto/join-document.dto';
import { validateMessage } from './dto/validate-message';
import { RateLimiter } from './rate-limiter';

/** Awareness messages are small (a caret and a name); anything bigger is refused. */
const MAX_AWARENESS_BYTES = 64 * 1024;
/** Typing sends a few messages a second; bursts (paste, reconnect) get headroom. */
const RATE_BURST = 400;
const RATE_PER_SECOND = 200;
/** A client refused this many times in a row is flooding: it is disconnected. */
const FLOOD_DISCONNECT_AFTER = 500;
/** How long a socket's edit right is trusted before asking the documents module again. */
const PERMISSION_TTL_MS = 5_000;

/** Who a socket acts for, as the handshake found them: one frozen record per user, shared. */
interface SessionIdentity {
  user: Pick<User, 'id' | 'role' | 'federationSlug' | 'displayName'>;
  /** `socket.data.user` (what the presence shows). */
  data: CollabSocketData['user'];
  caret: CaretIdentity;
}

interface SocketSession {
  user: SessionIdentity['user'];
  caret: CaretIdentity;
  limiter: RateLimiter;
  /** Awareness client ids this socket speaks for (removed when it leaves). */
  awarenessClients: Set<number>;
  documentId?: string;
}

/** Federation names and colours for carets: five seeded rows, read again after a minute. */
const FEDERATIONS_TTL_MS = 60_000;

/** Who a caret belongs to, as the server knows it: it replaces whatever the client claimed. */
export interface CaretIdentity {
  userId: string;
  name: string;
  color: string;
  federation: string | null;
  federationName: string | null;
}

const NEUTRAL_CARET_COLOUR = '#4d5968';

/** A user's right to edit a document, as last read; shared by that user's sockets. */
interface EditRight {
  canEdit: boolean;
  checkedAt: number;
  refreshing?: Promise<void>;
}

/** Above this many remembered rights, those not checked for a while are forgotten. */
const MAX_EDIT_RIGHTS = 10_000;

/**
 * Rules of `/collab`: who may join, read and change a document, limits, awareness and presence.
 * The gateway only adapts socket.io events to these methods.
 */
@Injectable()
export class CollabService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CollabService.name);
  private readonly sessions = new WeakMap<CollabSocket, SocketSession>();
  private readonly identities = new SharedRecords<SessionIdentity>();
  private readonly editRights = new Map<string, EditRight>();
  private federations?: { at: number; bySlug: Promise<Map<string, { name: string; colour: string }>> };
  /** Sockets leaving and presence being published, awaited at shutdown. */
  private readonly departures = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    private readonly state: DocumentStateService,
    private readonly relay: CollabRelay,
    private readonly documents: DocumentsService,
    private readonly metrics: CollabMetrics,
    private readonly bus: DomainEventBus,
    private readonly federationsService: FederationsService,
  ) {}

  onModuleInit(): void {
    this.relay.onInstanceAwareness((documentId, message) => {
      void this.applyInstanceAwareness(documentId, message);
    });
  }

  /**
   * Shutdown, before socket.io and the Redis clients close (NestApplication.dispose): this
   * instance's sockets are disconnected and their departure published to the other instances
   * while Redis is still there, and no new socket is admitted.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.relay.disconnectLocalSockets();
    while (this.departures.size > 0) await Promise.allSettled([...this.departures]);
  }

  /** Handshake check, before the connection is accepted. */
  async authenticate(socket: CollabSocket, handshake: HandshakeLike): Promise<void> {
    if (this.closing) throw new CollabRefusal('unavailable', 'The server is restarting: reconnect in a moment');
    const { user, sessionId } = await this.auth.authenticateHandshake(handshake);
    // As on every HTTP route: a temporary password is changed before anything else.
    if (user.mustChangePassword) throw new CollabRefusal('unauthenticated', PASSWORD_CHANGE_REQUIRED);
    const federation = user.federationSlug ? (await this.federationsBySlug(user)).get(user.federationSlug) : undefined;
    const color = federation?.colour ?? NEUTRAL_CARET_COLOUR;
    const federationName = federation?.name ?? null;
    const identity = this.identities.share(recordKey(user.id, user.role, user.federationSlug, user.displayName, color, federationName), () => ({
      user: Object.freeze({ id: user.id, role: user.role, federationSlug: user.federationSlug, displayName: user.displayName }),
      data: Object.freeze({ id: user.id, displayName: user.displayName, federation: user.federationSlug, role: user.role }),
      caret: Object.freeze({ userId: user.id, name: user.displayName, color, federation: user.federationSlug, federationName }),
    }));
    this.sessions.set(socket, {
      user: identity.user,
      caret: identity.caret,
      limiter: new RateLimiter(RATE_BURST, RATE_PER_SECOND),
      awarenessClients: new Set(),
    });
    const data: CollabSocketData = { user: identity.data, sessionId };
    socket.data = data;
    forgetHandshakeToken(socket.handshake);
  }

  /**
   * Messages between instances were lost (Redis unreachable): every document open here is
   * brought up to date from the database, which holds every acknowledged edit of every
   * instance, and its clients here get what they missed. While Redis is down, that is what the
   * live copy lacked; once it is back (`whole`), the whole state, since a room broadcast lost
   * on its way may have reached neither the clients nor, or only, the live copy (Yjs ignores
   * what a client already has); the presence is published again then.
   */
  async resynchronise({ whole }: { whole: boolean }): Promise<void> {
    const documentIds = this.state.liveDocumentIds();
    if (whole) this.logger.log(`Resynchronising ${documentIds.length} document room(s) after messages between instances were lost`);
    for (const documentId of documentIds) {
      try {
        const missed = await this.state.catchUp(documentId, { whole });
        if (missed) this.relay.broadcastLocally(documentId, missed);
        if (whole) await this.publishPresence(documentId, { republish: true });
      } catch (error) {
        this.logger.warn(`Could not resynchronise ${documentId}: ${String(error)}`);
      }
    }
  }

  /**
   * Revocations made through another instance while messages between instances were lost
   * never reached this one: each socket here is checked again (account, session, role,
   * federation, read access to its document) and closed if it no longer holds; edit rights are
   * read again at the next edit.
   */
  async recheckLocalSockets(): Promise<void> {
    this.editRights.clear();
    for (const socket of this.relay.localSockets()) {
      const session = this.sessions.get(socket);
      if (!session) continue;
      try {
        if (!(await this.stillAllowed(session, socket.data.sessionId))) socket.disconnect(true);
      } catch (error) {
        this.logger.warn(`Could not recheck a /collab socket: ${String(error)}`);
      }
    }
  }

  private async stillAllowed(session: SocketSession, sessionId: string): Promise<boolean> {
    let user: User;
    try {
      user = await this.auth.recheck(session.user.id, sessionId);
    } catch (error) {
      if (error instanceof UnauthorizedException) return false;
      throw error;
    }
    if (user.mustChangePassword || user.role !== session.user.role || user.federationSlug !== session.user.federationSlug) return false;
    return !session.documentId || (await this.lookUpPermissions(user, session.documentId)).read;
  }

  /** Once connected: the rooms through which the socket can be revoked. */
  admit(socket: CollabSocket): Promise<void> {
    return this.relay.admit(socket);
  }

  /** The users' rights changed: their sockets close on every instance, and rejoin or are refused. */
  revokeUsers(userIds: readonly string[]): void {
    for (const key of this.editRights.keys()) if (userIds.some((userId) => key.startsWith(`${userId}:`))) this.editRights.delete(key);
    this.relay.disconnectUsers(userIds);
  }

  revokeSessions(event: SessionsRevokedEvent): void {
    this.relay.disconnectSessions(event);
  }

  /**
   * Observers removed lose the document's sockets; a sealed text (adopted, withdrawn) closes
   * the whole room, whose editors rejoin read-only. Edits still in flight are refused when
   * stored (DocumentStateService checks the status in the same statement).
   */
  revokeDocumentAccess(event: DocumentAccessChanged): void {
    if (event.sealed) {
      for (const key of this.editRights.keys()) if (key.endsWith(`:${event.documentId}`)) this.editRights.delete(key);
      this.relay.disconnectDocument(event.documentId);
    }
    this.revokeUsers(event.removedUserIds);
  }

  async join(socket: CollabSocket, payload: unknown): Promise<CollabAck> {
    return this.answer(socket, async (session) => {
      const { documentId } = await validateMessage(JoinDocumentDto, payload as CollabJoin);
      const permissions = await this.lookUpPermissions(session.user, documentId);
      // Unknown and unreadable look the same, so a document's existence does not leak.
      if (!permissions.read) throw new CollabRefusal('not_found', 'This document does not exist or you may not read it');
      if (session.documentId && session.documentId !== documentId) await this.leave(socket);
      const live = await this.state.openForJoin(documentId);
      session.documentId = documentId;
      socket.data.documentId = documentId;
      socket.data.canEdit = permissions.edit;
      await socket.join(documentRoom(documentId));
      // After the ack (sent when this resolves): step 1, step 2, then the carets known here.
      setImmediate(() => this.sendInitialState(socket, live));
      this.track(this.publishPresence(documentId));
      return { ok: true, canEdit: permissions.edit };
    });
  }

  /** An `update` event: a local Yjs update, acknowledged once durable. */
  async update(socket: CollabSocket, message: unknown): Promise<CollabAck> {
    const receivedAt = performance.now();
    return this.answer(socket, async (session) => {
      const update = this.readBinary(message);
      const documentId = await this.assertCanEdit(session);
      await this.state.applyClientUpdate(documentId, update, session.user.id, socket, receivedAt);
      return { ok: true };
    });
  }

  /** A y-protocols sync message; refusals go back as an `error` event (there is no ack). */
  async sync(socket: CollabSocket, message: unknown): Promise<void> {
    const ack = await this.answer(socket, async (session) => {
      const bytes = this.readBinary(message);
      const documentId = this.joinedDocument(session);
      const decoder = decoding.createDecoder(bytes);
      let type: number;
      let payload: Uint8Array;
      try {
        type = decoding.readVarUint(decoder);
        payload = decoding.readVarUint8Array(decoder);
      } catch {
        throw new CollabRefusal('malformed', 'Unreadable sync message');
      }
      if (type === syncProtocol.messageYjsSyncStep1) {
        const live = await this.state.open(documentId);
        let reply: Uint8Array;
        try {
          reply = Y.encodeStateAsUpdate(live.doc, payload);
        } catch {
          throw new CollabRefusal('malformed', 'Unreadable state vector');
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, reply);
        socket.emit('sync', encoding.toUint8Array(encoder));
        return { ok: true };
      }
      if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
        throw new CollabRefusal('malformed', `Unknown sync message type: ${type}`);
      }
      // A read-only client answers the server's step 1 with an empty step 2: nothing to refuse.
      if (isEmptyUpdate(payload)) return { ok: true };
      await this.assertCanEdit(session);
      await this.state.applyClientUpdate(documentId, payload, session.user.id, socket);
      return { ok: true };
    });
    if (!ack.ok) this.emitError(socket, ack);
  }

  async awareness(socket: CollabSocket, message: unknown): Promise<void> {
    const ack = await this.answer(socket, async (session) => {
      const bytes = this.readBinary(message);
      if (bytes.byteLength > MAX_AWARENESS_BYTES) {
        throw new CollabRefusal('update_too_large', 'Awareness message too large');
      }
      const documentId = this.joinedDocument(session);
      const entries = readAwarenessEntries(bytes);
      // The caret is labelled with the server's name for the sender, never the one it claims.
      const stamped = encodeAwarenessEntries(entries.map((entry) => stampCaret(entry, session.caret)));
      const live = await this.state.open(documentId);
      awarenessProtocol.applyAwarenessUpdate(live.awareness, stamped, socket);
      for (const entry of entries) {
        if (entry.state === null) session.awarenessClients.delete(entry.clientId);
        else session.awarenessClients.add(entry.clientId);
      }
      this.relay.broadcastAwareness(documentId, stamped, socket);
      this.relay.tellOtherInstances('collab:awareness', documentId, stamped);
      return { ok: true };
    });
    if (!ack.ok) this.emitError(socket, ack);
  }

  async disconnect(socket: CollabSocket): Promise<void> {
    try {
      await this.track(this.leave(socket));
    } finally {
      this.sessions.delete(socket);
    }
  }

  /** Work that publishes to the other instances: shutdown waits for it before Redis closes. */
  private track(work: Promise<void>): Promise<void> {
    this.departures.add(work);
    const done = () => void this.departures.delete(work);
    work.then(done, done);
    return work;
  }

  private async leave(socket: CollabSocket): Promise<void> {
    const session = this.sessions.get(socket);
    const documentId = session?.documentId;
    if (!session || !documentId) return;
    session.documentId = undefined;
    socket.data.documentId = undefined;
    await socket.leave(documentRoom(documentId));
    const clients = [...session.awarenessClients];
    session.awarenessClients.clear();
    if (clients.length > 0 && this.state.isLive(documentId)) {
      const live = await this.state.open(documentId);
      awarenessProtocol.removeAwarenessStates(live.awareness, clients, 'server');
      const removal = awarenessProtocol.encodeAwarenessUpdate(live.awareness, clients);
      this.relay.broadcastAwareness(documentId, removal);
      this.relay.tellOtherInstances('collab:awareness', documentId, removal);
    }
    this.track(this.publishPresence(documentId));
  }

  private sendInitialState(socket: CollabSocket, live: LiveDocument): void {
    if (!socket.connected || this.sessions.get(socket)?.documentId !== live.documentId) return;
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, live.doc);
    socket.emit('sync', encoding.toUint8Array(step1));
    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, live.doc);
    socket.emit('sync', encoding.toUint8Array(step2));
    const known = [...live.awareness.getStates().keys()];
    if (known.length > 0) socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(live.awareness, known));
  }

  private async applyInstanceAwareness(documentId: string, message: Uint8Array): Promise<void> {
    if (!this.state.isLive(documentId)) return;
    try {
      const live = await this.state.open(documentId);
      awarenessProtocol.applyAwarenessUpdate(live.awareness, message, 'other-instance');
    } catch (error) {
      this.logger.warn(`Ignored an unreadable awareness update relayed for ${documentId}: ${String(error)}`);
    }
  }

  /** Connected people of every instance, one entry per user (DESIGN §5 `presence`). */
  private async publishPresence(documentId: string, { republish = false } = {}): Promise<void> {
    try {
      const members = await this.relay.roomMembers(documentId);
      const editors = new Map<string, PresenceEntry>();
      for (const member of members) {
        if (member.documentId !== documentId || !member.user) continue;
        editors.set(member.user.id, {
          userId: member.user.id,
          displayName: member.user.displayName,
          federation: member.user.federation,
        });
      }
      await this.bus.emitAndWait('document.presence_changed', { documentId, editors: [...editors.values()], republish });
    } catch (error) {
      this.logger.warn(`Could not publish the presence on ${documentId}: ${String(error)}`);
    }
  }

  /**
   * The edit right is read at the join, then kept per user and document: an update never waits
   * for the database (on the embedded one, a query would queue behind the batched writes).
   * Once it is older than PERMISSION_TTL_MS it is read again in the background, since the text
   * may have been adopted or withdrawn, or the user's role changed, since the join.
   */
  private async assertCanEdit(session: SocketSession): Promise<string> {
    const documentId = this.joinedDocument(session);
    const key = editRightKey(session.user.id, documentId);
    let right = this.editRights.get(key);
    if (!right) {
      await this.lookUpPermissions(session.user, documentId);
      right = this.editRights.get(key)!;
    } else if (Date.now() - right.checkedAt > PERMISSION_TTL_MS && !right.refreshing) {
      const stale = right;
      stale.refreshing = this.lookUpPermissions(session.user, documentId).then(
        () => undefined,
        (error: unknown) => {
          stale.refreshing = undefined;
          this.logger.warn(`Could not check the edit right on ${documentId} again: ${String(error)}`);
        },
      );
    }
    if (!right.canEdit) throw new CollabRefusal('read_only', 'You may not edit this document');
    return documentId;
  }

  private async lookUpPermissions(user: DocumentActor, documentId: string): Promise<{ read: boolean; edit: boolean }> {
    this.metrics.countPermissionLookup();
    const permissions = await this.documents.permissionsFor(user, documentId);
    if (this.editRights.size >= MAX_EDIT_RIGHTS) {
      const now = Date.now();
      for (const [key, right] of this.editRights) if (now - right.checkedAt > PERMISSION_TTL_MS) this.editRights.delete(key);
    }
    this.editRights.set(editRightKey(user.id, documentId), { canEdit: permissions.edit, checkedAt: Date.now() });
    return permissions;
  }

  private federationsBySlug(viewer: User): Promise<Map<string, { name: string; colour: string }>> {
    if (!this.federations || Date.now() - this.federations.at > FEDERATIONS_TTL_MS) {
      const bySlug = this.federationsService
        .list(viewer)
        .then(({ items }) => new Map(items.map((federation) => [federation.slug as string, { name: federation.name, colour: federation.colour }])));
      bySlug.catch(() => (this.federations = undefined));
      this.federations = { at: Date.now(), bySlug };
    }
    return this.federations.bySlug;
  }

  private joinedDocument(session: SocketSession): string {
    if (!session.documentId) throw new CollabRefusal('not_joined', 'Join a document first (join)');
    return session.documentId;
  }

  private readBinary(message: unknown): Uint8Array {
    const bytes = toBytes(message);
    if (!bytes) throw new CollabRefusal('invalid_request', 'the message must be binary');
    return bytes;
  }

  /** Runs a handler with the rate limit and turns every failure into an ack, never a crash. */
  private async answer(socket: CollabSocket, handler: (session: SocketSession) => Promise<CollabAck>): Promise<CollabAck> {
    const session = this.sessions.get(socket);
    if (!session) return { ok: false, code: 'unauthenticated', error: 'Authentification requise.' };
    if (!session.limiter.take()) {
      const refusal: CollabAck = { ok: false, code: 'rate_limited', error: 'Too many messages: slow down' };
      if (session.limiter.refusedInARow >= FLOOD_DISCONNECT_AFTER) {
        // A burst is handled in one tick: say why before closing, or the client never learns it.
        this.emitError(socket, refusal);
        socket.disconnect(true);
      }
      return refusal;
    }
    try {
      return await handler(session);
    } catch (error) {
      if (error instanceof CollabRefusal) return { ok: false, code: error.code, error: error.message };
      this.logger.error(`Unexpected failure on /collab: ${error instanceof Error ? error.stack : String(error)}`);
      return { ok: false, code: 'unavailable', error: 'Unexpected error: try again' };
    }
  }

  private emitError(socket: CollabSocket, ack: CollabAck): void {
    socket.emit('error', {
      documentId: this.sessions.get(socket)?.documentId,
      code: ack.code ?? 'unavailable',
      message: ack.error ?? '',
    });
  }
}

function editRightKey(userId: string, documentId: string): string {
  return `${userId}:${documentId}`;
}

function isEmptyUpdate(update: Uint8Array): boolean {
  try {
    const decoded = Y.decodeUpdate(update);
    return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
  } catch {
    return false;
  }
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null: the client is gone. */
  state: unknown;
}

/** The entries of an awareness update (y-protocols encoding). */
function readAwarenessEntries(message: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(message);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    return entries;
  } catch {
    throw new CollabRefusal('malformed', 'Unreadable awareness message');
  }
}

function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The sender's state with `user` replaced by who the server knows the sender to be. */
export function stampCaret(entry: AwarenessEntry, caret: CaretIdentity): AwarenessEntry {
  if (entry.state === null) return entry;
  const state = typeof entry.state === 'object' && !Array.isArray(entry.state) ? (entry.state as Record<string, unknown>) : {};
  return { ...entry, state: { ...state, user: { ...caret } } };
}
