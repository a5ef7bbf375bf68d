import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Must match shared/src/editor (YDOC_FRAGMENT): kept literal so the benchmark stays light. */
export const BODY_FRAGMENT = 'default';

export interface CollabAck {
  ok: boolean;
  code?: string;
  error?: string;
  canEdit?: boolean;
}

export interface CollabClientOptions {
  /**
   * Apply remote updates to the local Y.Doc as they arrive (default). The benchmark turns it
   * off for most simulated editors: they only record what arrived and apply it all at the end.
   */
  applyRemote?: boolean;
  /**
   * Called for every remote document change, with its arrival time (performance.now()) and
   * whether it is the whole state (`state`, sync step 2 after a join) or one relayed `update`.
   */
  onRemoteUpdate?: (update: Uint8Array, receivedAt: number, kind: 'state' | 'update') => void;
  /** Milliseconds to wait for the join ack. */
  joinTimeoutMs?: number;
}

interface PendingUpdate {
  update: Uint8Array;
  sentAt: number;
}

const REMOTE = Symbol('remote');

function toBytes(message: Uint8Array | ArrayBuffer): Uint8Array {
  return message instanceof Uint8Array ? message : new Uint8Array(message);
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * A Node client of `/collab` (socket.io-client + Y.Doc + y-protocols), as the browser editor
 * behaves: every local change is sent with `update` and kept until the server acknowledges it
 * as durable; on reconnect it joins again and re-sends what is still unacknowledged.
 */
export class CollabClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: Socket;
  /** Updates sent and not yet acknowledged, by local sequence number. */
  readonly pending = new Map<number, PendingUpdate>();
  /** Every acknowledgement latency (ms), in order. */
  readonly ackLatencies: number[] = [];
  /** Local sequence numbers (one per local Y.Doc update, from 0) acknowledged as durable. */
  readonly acknowledged = new Set<number>();
  readonly refusals: CollabAck[] = [];
  readonly errors: Array<{ code: string; message: string }> = [];
  /** Remote updates received but not applied (applyRemote: false). */
  readonly received: Uint8Array[] = [];
  canEdit = false;
  joined = false;
  private nextSeq = 0;
  private closed = false;
  private synced = false;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly documentId: string,
    private readonly options: CollabClientOptions,
  ) {
    this.socket = io(`${baseUrl}/collab`, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(update);
      this.notify();
    });
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => {
      this.joined = false;
      this.synced = false;
    });
    this.socket.on('sync', (message: Uint8Array | ArrayBuffer) => this.onSync(toBytes(message)));
    this.socket.on('awareness', (message: Uint8Array | ArrayBuffer) => {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, toBytes(message), REMOTE);
      this.notify();
    });
    this.socket.on('error', (error: { code: string; message: string }) => {
      this.errors.push(error);
      this.notify();
    });
  }

  /** Connects, joins `documentId` and waits for the server's state. Rejects if refused. */
  static async connect(
    baseUrl: string,
    token: string,
    documentId: string,
    options: CollabClientOptions = {},
  ): Promise<CollabClient> {
    const client = new CollabClient(baseUrl, token, documentId, options);
    try {
      await client.waitFor(() => client.synced || client.refusals.length > 0, options.joinTimeoutMs ?? 15_000, 'join');
    } catch (error) {
      client.close();
      throw error;
    }
    if (!client.synced) {
      client.close();
      throw new Error(`join refused: ${JSON.stringify(client.refusals[0])}`);
    }
    return client;
  }

  /** The body as plain text, one line per top-level block. */
  text(): string {
    return fragmentText(this.doc);
  }

  /** Appends `text` at the end of the last paragraph (creating one only in an empty body). */
  type(text: string): void {
    const fragment = this.doc.getXmlFragment(BODY_FRAGMENT);
    this.doc.transact(() => {
      let last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
      if (!(last instanceof Y.XmlElement)) {
        last = new Y.XmlElement('paragraph');
        fragment.push([last]);
      }
      const element = last as Y.XmlElement;
      let textNode = element.length > 0 ? element.get(element.length - 1) : null;
      if (!(textNode instanceof Y.XmlText)) {
        textNode = new Y.XmlText();
        element.push([textNode]);
      }
      const target = textNode as Y.XmlText;
      target.insert(target.length, text);
    });
  }

  /** Sends raw bytes as an `update`, bypassing the Y.Doc (for malformed-input tests). */
  sendRaw(bytes: Uint8Array, timeoutMs = 10_000): Promise<CollabAck> {
    return this.socket.timeout(timeoutMs).emitWithAck('update', bytes) as Promise<CollabAck>;
  }

  emitRaw(event: string, ...args: unknown[]): void {
    this.socket.emit(event, ...args);
  }

  setAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    this.socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
  }

  /** Applies the remote updates held back by `applyRemote: false`. */
  applyReceived(): void {
    if (this.received.length === 0) return;
    Y.applyUpdate(this.doc, Y.mergeUpdates(this.received.splice(0)), REMOTE);
  }

  waitForText(expected: string | ((text: string) => boolean), timeoutMs = 10_000): Promise<void> {
    const matches = typeof expected === 'string' ? (text: string) => text === expected : expected;
    return this.waitFor(() => matches(this.text()), timeoutMs, `text ${String(expected)}`).catch((error: Error) => {
      throw new Error(`${error.message}; text is ${JSON.stringify(this.text()).slice(0, 300)}`);
    });
  }

  /** Resolves once every update sent so far is acknowledged. */
  waitForAcks(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(() => this.pending.size === 0, timeoutMs, 'acknowledgements');
  }

  async waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 200));
        this.waiters.add(wake);
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private async onConnect(): Promise<void> {
    let ack: CollabAck;
    try {
      ack = (await this.socket.timeout(10_000).emitWithAck('join', { documentId: this.documentId })) as CollabAck;
    } catch {
      return; // Disconnected meanwhile: the next connect joins again.
    }
    if (!ack.ok) {
      this.refusals.push(ack);
      this.notify();
      return;
    }
    this.canEdit = ack.canEdit ?? false;
    this.joined = true;
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.socket.emit('sync', encoding.toUint8Array(step1));
    // Re-send what the server has not confirmed: it may have died before the COMMIT.
    for (const [seq, pending] of this.pending) this.emitUpdate(seq, pending);
    this.notify();
  }

  private onSync(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      // Answer with what the server lacks, as the browser provider does.
      const stateVector = decoding.readVarUint8Array(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(this.doc, stateVector));
      this.socket.emit('sync', encoding.toUint8Array(reply));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    const receivedAt = performance.now();
    this.options.onRemoteUpdate?.(update, receivedAt, type === syncProtocol.messageYjsSyncStep2 ? 'state' : 'update');
    if (type === syncProtocol.messageYjsSyncStep2 || this.options.applyRemote !== false) {
      Y.applyUpdate(this.doc, update, REMOTE);
    } else {
      this.received.push(update);
    }
    if (type === syncProtocol.messageYjsSyncStep2) this.synced = true;
    this.notify();
  }

  private send(update: Uint8Array): void {
    const seq = this.nextSeq++;
    const pending = { update, sentAt: performance.now() };
    this.pending.set(seq, pending);
    if (this.joined) this.emitUpdate(seq, pending);
  }

  private emitUpdate(seq: number, pending: PendingUpdate): void {
    const socket = this.socket;
    socket
      .timeout(30_000)
      .emitWithAck('update', pending.update)
      .then(
        (ack: CollabAck) => {
          if (ack.ok) {
            if (this.pending.delete(seq)) this.ackLatencies.push(performance.now() - pending.sentAt);
            this.acknowledged.add(seq);
          } else {
            this.refusals.push(ack);
            if (ack.code !== 'rate_limited' && ack.code !== 'unavailable') this.pending.delete(seq);
            // Transient refusals are tried again a second later, as the browser provider does.
            else setTimeout(() => this.pending.get(seq) === pending && this.joined && this.emitUpdate(seq, pending), 1_000);
          }
          this.notify();
        },
        () => {
          // Timed out or disconnected: kept in `pending`, re-sent after the next join.
        },
      );
  }
}

/** Plain text of a body: one line per top-level block, marks dropped. */
export function fragmentText(doc: Y.Doc): string {
  const lines: string[] = [];
  for (const block of doc.getXmlFragment(BODY_FRAGMENT).toArray()) lines.push(nodeText(block));
  return lines.join('\n');
}

function nodeText(node: unknown): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(nodeText).join('');
  return '';
}

export async function login(baseUrl: string, email: string, password = 'coupole-demo'): Promise<string> {
  return (await loginAs(baseUrl, email, password)).accessToken;
}

/** Logs in (retrying on the login rate limit) and returns the token with the user's id. */
export async function loginAs(
  baseUrl: string,
  email: string,
  password = 'coupole-demo',
): Promise<{ accessToken: string; user: { id: string; email: string } }> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.ok) return (await response.json()) as { accessToken: string; user: { id: string; email: string } };
    if (response.status !== 429 || attempt > 5) {
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    }
    await delay(1_000);
  }
}
