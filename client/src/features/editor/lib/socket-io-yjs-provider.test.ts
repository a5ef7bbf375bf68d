import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CollabAck } from '@coupole/shared';
import { SocketIOYjsProvider, type CollabSocket } from './socket-io-yjs-provider';

type Listener = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive the provider by hand. */
class FakeSocket {
  connected = false;
  active = true;
  readonly sent: { event: string; payload: unknown; ack?: (...args: unknown[]) => void }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, payload: unknown, ack?: (...args: unknown[]) => void) {
    this.sent.push({ event, payload, ack });
    return this;
  }
  timeout() {
    // The provider's ack callback gets (error, answer), as with socket.timeout(ms).emit.
    return { emit: (event: string, payload: unknown, ack: (...args: unknown[]) => void) => this.emit(event, payload, ack) };
  }
  connects = 0;
  connect() {
    this.connects += 1;
    return this;
  }
  disconnect() {
    const was = this.connected;
    this.connected = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  serverConnects() {
    this.connected = true;
    this.fire('connect');
  }
  serverDrops() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  take(event: string) {
    const found = this.sent.filter((message) => message.event === event);
    this.sent.splice(0, this.sent.length, ...this.sent.filter((message) => message.event !== event));
    return found;
  }
}

function serverStep2(serverDoc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep2(encoder, serverDoc);
  return encoding.toUint8Array(encoder);
}

const providers: SocketIOYjsProvider[] = [];
// Awareness keeps an interval running until the provider is destroyed.
afterEach(() => providers.splice(0).forEach((provider) => provider.destroy()));

function setup() {
  const socket = new FakeSocket();
  const doc = new Y.Doc();
  const sut = new SocketIOYjsProvider('doc-1', doc, { socket: socket as unknown as CollabSocket });
  providers.push(sut);
  const join = (ack: CollabAck = { ok: true, canEdit: true }) => {
    socket.serverConnects();
    const [request] = socket.take('join');
    expect(request.payload).toEqual({ documentId: 'doc-1' });
    request.ack!(ack);
  };
  return { socket, doc, sut, join };
}

describe(SocketIOYjsProvider.name, () => {
  it('is synchronised once the server’s state arrives, without writing anything itself', () => {
    const { socket, doc, sut, join } = setup();
    join();
    expect(sut.state.connection).toBe('connected');

    const server = new Y.Doc();
    server.getText('t').insert(0, 'Texte du serveur');
    socket.fire('sync', serverStep2(server));

    expect(sut.state.connection).toBe('synced');
    expect(doc.getText('t').toString()).toBe('Texte du serveur');
    expect(socket.take('update')).toEqual([]);
    expect(sut.state.pending).toBe(0);
  });

  it('counts a local edit as pending until the server acknowledges it', () => {
    const { socket, doc, sut, join } = setup();
    join();
    doc.getText('t').insert(0, 'Bonjour');

    const [update] = socket.take('update');
    expect(sut.state.pending).toBe(1);
    update.ack!(null, { ok: true });
    expect(sut.state.pending).toBe(0);
  });

  it('keeps edits made offline and sends them, with the unacknowledged ones, after reconnecting', () => {
    const { socket, doc, sut, join } = setup();
    join();
    doc.getText('t').insert(0, 'Avant ');
    const [lost] = socket.take('update');
    socket.serverDrops();
    expect(sut.state.connection).toBe('offline');

    doc.getText('t').insert(6, 'coupure');
    expect(socket.take('update')).toEqual([]);
    expect(sut.state.pending).toBe(2);

    join();
    const [resent] = socket.take('update');
    const server = new Y.Doc();
    Y.applyUpdate(server, resent.payload as Uint8Array);
    expect(server.getText('t').toString()).toBe('Avant coupure');
    // A late answer for the batch sent before the cut settles nothing.
    lost.ack!(null, { ok: true });
    expect(sut.state.pending).toBeGreaterThan(0);
    resent.ack!(null, { ok: true });
    expect(sut.state.pending).toBe(0);
  });

  it('says offline as soon as the browser loses the network, keeps the edits, and joins again when it is back', () => {
    // The node test environment has no window: a bare EventTarget stands in for its online/offline events.
    const browser = new EventTarget();
    (globalThis as { window?: EventTarget }).window = browser;
    try {
      const { socket, doc, sut, join } = setup();
      join();
      expect(sut.state.connection).toBe('connected');
      browser.dispatchEvent(new Event('offline'));
      expect(sut.state.connection).toBe('offline');
      expect(socket.connected).toBe(false);

      doc.getText('t').insert(0, 'Écrit hors ligne');
      expect(socket.take('update')).toEqual([]);
      const connectsBefore = socket.connects;
      browser.dispatchEvent(new Event('online'));
      expect(socket.connects).toBe(connectsBefore + 1);
      join();
      const [resent] = socket.take('update');
      const server = new Y.Doc();
      Y.applyUpdate(server, resent.payload as Uint8Array);
      expect(server.getText('t').toString()).toBe('Écrit hors ligne');
    } finally {
      delete (globalThis as { window?: EventTarget }).window;
    }
  });

  it('stops resending and reports a refusal that will not go away', () => {
    const { socket, doc, sut, join } = setup();
    join();
    doc.getText('t').insert(0, 'Texte adopté entre-temps');
    const [update] = socket.take('update');

    update.ack!(null, { ok: false, code: 'read_only', error: 'Texte adopté' });

    expect(sut.state.refusal).toBe('read_only');
    expect(sut.state.pending).toBe(1);
  });

  it('connects again after the server closed the connection (rights changed), not after a cut it retries itself', () => {
    jest.useFakeTimers();
    try {
      const { socket, join } = setup();
      join();
      const before = socket.connects;

      socket.serverDrops();
      jest.advanceTimersByTime(5_000);
      expect(socket.connects).toBe(before);

      socket.serverConnects();
      socket.connected = false;
      socket.fire('disconnect', 'io server disconnect');
      jest.advanceTimersByTime(5_000);
      expect(socket.connects).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports the refusal of the room when the user may not read the document', () => {
    const { sut, join } = setup();
    join({ ok: false, code: 'forbidden', error: 'Vous n’avez pas accès à ce texte.' });
    expect(sut.state.refusal).toBe('forbidden');
    expect(sut.state.connection).toBe('connecting');
  });

  it('ignores updates that came from the server when counting pending edits', () => {
    const { socket, sut, join } = setup();
    join();
    const server = new Y.Doc();
    server.getText('t').insert(0, 'Écrit par une autre fédération');
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(server));
    socket.fire('sync', encoding.toUint8Array(encoder));
    expect(sut.state.pending).toBe(0);
    expect(socket.take('update')).toEqual([]);
  });
});
