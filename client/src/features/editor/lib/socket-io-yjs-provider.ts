import { io, type Socket } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  COLLAB_NAMESPACE,
  type CollabAck,
  type CollabBinary,
  type CollabClientToServerEvents,
  type CollabErrorCode,
  type CollabServerToClientEvents,
} from '@coupole/shared';
import { PendingUpdates } from './pending-updates';

export type CollabSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

/** connecting → connected (room joined) → synced (server state received); offline when cut. */
export type ConnectionState = 'connecting' | 'connected' | 'synced' | 'offline';

export interface ProviderState {
  connection: ConnectionState;
  /** Local updates not yet confirmed durable by the server. "Enregistré" only at 0. */
  pending: number;
  /** Set when the server refuses the room or an update (no access, read-only text). */
  refusal: string | null;
  /** What the server said on joining: whether it will accept this user's edits. */
  canEdit: boolean;
}

export interface ProviderOptions {
  /** For tests: a socket already created. Defaults to the same-origin `/collab` namespace. */
  socket?: CollabSocket;
  /** How long to wait for the server to confirm an update before sending it again. */
  ackTimeoutMs?: number;
}

const DEFAULT_ACK_TIMEOUT_MS = 10_000;
const RETRY_DELAY_MS = 1_000;
/** The server closed the connection because rights changed: reconnect under the new ones. */
export const RECONNECT_AFTER_SERVER_CLOSE_MS = 1_000;

/** Refusals the server lifts by itself; anything else stops the resending. */
export function isTransient(code: CollabErrorCode | undefined): boolean {
  return code === 'rate_limited' || code === 'unavailable';
}

function toBytes(message: CollabBinary): Uint8Array {
  return message instanceof Uint8Array ? message : new Uint8Array(message);
}

/**
 * Yjs over socket.io, one instance per open document. The server seeds and owns the body: this
 * provider never writes content on its own, it only relays what the user typed. Every local
 * update is sent with `update` and kept until the server acknowledges it as durable; whatever
 * is still unconfirmed when the connection drops is sent again after reconnecting.
 */
export class SocketIOYjsProvider {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly socket: CollabSocket;
  private readonly pending = new PendingUpdates();
  private readonly ackTimeoutMs: number;
  private readonly listeners = new Set<(state: ProviderState) => void>();
  private joined = false;
  private destroyed = false;
  private current: ProviderState = { connection: 'connecting', pending: 0, refusal: null, canEdit: false };

  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    options: ProviderOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.socket =
      options.socket ??
      (io(COLLAB_NAMESPACE, { withCredentials: true, transports: ['websocket'] }) as CollabSocket);

    doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
    this.socket.on('connect', this.handleConnect);
    this.socket.on('disconnect', this.handleDisconnect);
    this.socket.on('connect_error', this.handleConnectError);
    this.socket.on('sync', this.handleSync);
    this.socket.on('awareness', this.handleRemoteAwareness);
    if (this.socket.connected) this.handleConnect();
    else if (!this.socket.active) this.socket.connect();
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.handleBrowserOffline);
      window.addEventListener('online', this.handleBrowserOnline);
    }
  }

  get state(): ProviderState {
    return this.current;
  }

  subscribe(listener: (state: ProviderState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Tell the others this caret is gone before leaving.
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.doc.off('update', this.handleDocUpdate);
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDisconnect);
    this.socket.off('connect_error', this.handleConnectError);
    this.socket.off('sync', this.handleSync);
    this.socket.off('awareness', this.handleRemoteAwareness);
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.handleBrowserOffline);
      window.removeEventListener('online', this.handleBrowserOnline);
    }
    this.socket.disconnect();
    this.listeners.clear();
  }

  private setState(patch: Partial<ProviderState>): void {
    this.current = { ...this.current, ...patch, pending: this.pending.size };
    for (const listener of this.listeners) listener(this.current);
  }

  private readonly handleConnect = () => {
    this.setState({ connection: 'connecting' });
    this.socket.emit('join', { documentId: this.documentId }, (ack: CollabAck) => {
      if (this.destroyed) return;
      if (!ack.ok) {
        this.setState({ refusal: ack.code ?? ack.error ?? 'refused' });
        return;
      }
      this.joined = true;
      this.setState({ connection: 'connected', refusal: null, canEdit: ack.canEdit !== false });
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.socket.emit('sync', encoding.toUint8Array(encoder));
      if (this.awareness.getLocalState() !== null) {
        this.socket.emit(
          'awareness',
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        );
      }
      this.flush();
    });
  };

  private readonly handleDisconnect = (reason?: string) => {
    this.joined = false;
    // socket.io does not reconnect by itself after the server closed the connection: rights
    // changed (role, access, text adopted), so join again to learn the new ones; a session
    // that ended is refused at the handshake.
    if (reason === 'io server disconnect') {
      setTimeout(() => {
        if (!this.destroyed && !this.socket.connected) this.socket.connect();
      }, RECONNECT_AFTER_SERVER_CLOSE_MS);
    }
    this.pending.requeueInFlight();
    // Carets of the others are stale once we are cut off.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    this.setState({ connection: 'offline' });
  };

  /**
   * The browser knows the network is gone: say so now rather than after the heartbeat runs out,
   * and leave cleanly (unacknowledged edits are queued again, never lost).
   */
  private readonly handleBrowserOffline = () => {
    if (this.socket.connected) this.socket.disconnect();
    else this.setState({ connection: 'offline' });
  };

  /** Back online: join again at once (after `handleBrowserOffline`, socket.io would not by itself). */
  private readonly handleBrowserOnline = () => {
    if (!this.destroyed && !this.socket.connected) this.socket.connect();
  };

  /** The server cannot be reached (down, network cut): socket.io keeps retrying meanwhile. */
  private readonly handleConnectError = () => {
    if (!this.socket.connected) this.setState({ connection: 'offline' });
  };

  private readonly handleSync = (message: CollabBinary) => {
    const decoder = decoding.createDecoder(toBytes(message));
    const encoder = encoding.createEncoder();
    const messageType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    // Step 1 from the server asks for what we have that it lacks: answer with step 2.
    if (encoding.length(encoder) > 0) this.socket.emit('sync', encoding.toUint8Array(encoder));
    if (messageType === syncProtocol.messageYjsSyncStep2 && this.joined) {
      this.setState({ connection: 'synced' });
    }
  };

  private readonly handleRemoteAwareness = (message: CollabBinary) => {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, toBytes(message), this);
  };

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.pending.add(update);
    this.setState({});
    this.flush();
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || !this.joined) return;
    const changed = [...added, ...updated, ...removed];
    this.socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };

  private flush(): void {
    if (!this.joined || this.destroyed) return;
    const batch = this.pending.takeBatch();
    if (!batch) return;
    this.socket.timeout(this.ackTimeoutMs).emit('update', batch.update, (error: Error | null, ack?: CollabAck) => {
      if (this.destroyed) return;
      if (!error && ack?.ok) {
        this.pending.acknowledge(batch.id);
        this.setState({});
        this.flush();
        return;
      }
      this.pending.retry(batch.id);
      if (ack && !ack.ok && !isTransient(ack.code)) {
        // A refusal that will not change by itself (text adopted meanwhile, access removed).
        this.setState({ refusal: ack.code ?? ack.error ?? 'refused' });
        return;
      }
      this.setState({});
      // Busy server or timeout while still connected: try again shortly; after a disconnect,
      // the reconnection resends everything.
      setTimeout(() => {
        if (this.socket.connected) this.flush();
      }, ack ? RETRY_DELAY_MS : 0);
    });
  }
}
