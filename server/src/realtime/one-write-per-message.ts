import { Socket as EngineSocket, transports } from 'engine.io';

/**
 * One socket write per socket.io message instead of two.
 *
 * socket.io sends an event with binary data (every Yjs update on `/collab`) as two engine.io
 * packets: the event with a placeholder, then the bytes. engine.io writes the first at once and
 * holds the second until the first write's callback has come back, so each message to each
 * socket costs two `writev` system calls, two write callbacks and two flushes — in the profile of
 * a 50-editor session, the largest part of the server's CPU.
 *
 * Here, packets given to an engine.io socket in the same turn are flushed together once that
 * turn's synchronous work is done (a microtask later), and the WebSocket transport corks the TCP
 * socket while it frames them, so they leave in one write. Nothing is reordered, delayed past
 * the turn, or coalesced across sockets; the bytes on the wire are the same frames as before.
 */
interface FlushingSocket {
  flush(): void;
  /** Set while a flush is already scheduled for this turn. */
  flushPending?: boolean;
}

interface CorkableTransport {
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

let installed = false;

export function installOneWritePerMessage(): void {
  if (installed) return;
  installed = true;

  const socketPrototype = EngineSocket.prototype as unknown as FlushingSocket;
  const flushNow = socketPrototype.flush;
  socketPrototype.flush = function (this: FlushingSocket) {
    if (this.flushPending) return;
    this.flushPending = true;
    queueMicrotask(() => {
      this.flushPending = false;
      flushNow.call(this);
    });
  };

  const transportPrototype = (transports.websocket as unknown as { prototype: CorkableTransport }).prototype;
  const sendFrames = transportPrototype.send;
  transportPrototype.send = function (this: CorkableTransport, packets: unknown[]) {
    const tcp = packets.length > 1 ? this.socket?._socket : undefined;
    if (!tcp) return sendFrames.call(this, packets);
    tcp.cork();
    try {
      sendFrames.call(this, packets);
    } finally {
      tcp.uncork();
    }
  };
}
