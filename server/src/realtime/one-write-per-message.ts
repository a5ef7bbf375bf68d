import { Socket as EngineSocket, transports } from 'engine.io';
import { Adapter } from 'socket.io-adapter';
import WebSocket from 'ws';

/**
 * One socket write per socket.io message, framed once per broadcast.
 *
 * socket.io sends an event with binary data (every Yjs update on `/collab`) as two engine.io
 * packets: the event with a placeholder, then the bytes. Left alone, engine.io writes the first at
 * once and holds the second until the first write's callback has come back (two `writev` system
 * calls, two write callbacks and two flushes per message and socket), and for a room broadcast
 * it frames both packets again for every socket — in the profile of a 50-editor session, the
 * largest part of the server's CPU.
 *
 * Here:
 * - packets given to an engine.io socket in the same turn are flushed together once that turn's
 *   synchronous work is done (a microtask later), and the WebSocket transport corks the TCP
 *   socket while it writes them, so they leave in one write;
 * - a room broadcast of a binary event computes its WebSocket frames once (as socket.io already
 *   does for a text-only event, `wsPreEncodedFrame`), and each socket of the room writes those
 *   bytes as they are, in one buffer (a text-only event's frame too: `/live`'s events).
 *
 * - and when a socket has nothing waiting in engine.io (nothing buffered, no write in flight, not
 *   upgrading), a broadcast's frames go straight to its WebSocket, skipping engine.io's per-packet
 *   objects, flush, write callback and drain events — most of a delivery's cost once framing is
 *   shared. The TCP socket is corked until the turn's synchronous work is done, so the messages
 *   of one turn still leave in one write. Otherwise the message joins engine.io's buffer, behind
 *   what is already there.
 *
 * Nothing is reordered, delayed past the turn, or coalesced across sockets or messages; the bytes
 * on the wire are the same frames as before. A socket that negotiated something else (base64
 * instead of binary, engine.io protocol 3, per-message compression) is framed as before.
 */

/** The WebSocket frames of a whole broadcast message, set on the options its packets share. */
const MESSAGE_FRAMES = Symbol('coupole.messageFrames');

interface MessageFrames {
  /** The message's first packet (the event, as socket.io encoded it): its write carries the whole message. */
  first: string;
  /** Every frame of the message (the event, then each attachment), in one buffer. */
  bytes: Buffer;
  /** How many engine.io packets the message is. */
  packets: number;
}

interface PacketOptions {
  [MESSAGE_FRAMES]?: MessageFrames;
  /** socket.io's own pre-encoded frame of a text-only broadcast. */
  wsPreEncodedFrame?: Buffer[];
}

interface CorkableSocket {
  cork(): void;
  uncork(): void;
}

interface EnginePacket {
  options?: PacketOptions;
}

interface FlushingSocket {
  flush(): void;
  /** Set while a flush is already scheduled for this turn. */
  flushPending?: boolean;
}

/** An engine.io socket, as far as a direct write reads it. */
interface EngineConnection extends FlushingSocket {
  write(data: unknown, options?: PacketOptions, callback?: unknown): EngineConnection;
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: WebSocketTransport & { name: string };
}

type SentCallback = (error?: Error) => void;

/** engine.io's WebSocket transport, as far as it is used here. */
interface WebSocketTransport {
  send(packets: EnginePacket[]): void;
  writable: boolean;
  protocol: number;
  supportsBinary: boolean;
  perMessageDeflate: unknown;
  _onSent: SentCallback;
  _onSentLast: SentCallback;
  socket?: {
    readyState?: number;
    _socket?: CorkableSocket;
    _sender?: { sendFrame(frames: Buffer[], callback?: SentCallback): void; _state?: number };
  };
}

interface EncodingAdapter {
  _encode(packet: unknown, options: PacketOptions): unknown[];
}

/** engine.io protocol 4's type of a text message packet. */
const MESSAGE_PACKET_TYPE = '4';
const TEXT_OPCODE = 1;
const BINARY_OPCODE = 2;
/** ws's `WebSocket.OPEN`, and its sender's state when nothing is being compressed or read from a Blob. */
const WS_OPEN = 1;
const SENDER_IDLE = 0;

/** ws's framing, which its typings do not declare (socket.io-adapter uses it the same way). */
const { Sender } = WebSocket as unknown as {
  Sender: { frame(data: Buffer, options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }): Buffer[] };
};

function frame(data: Buffer, opcode: number): Buffer[] {
  return Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode, fin: true });
}

function asBuffer(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return null;
}

/**
 * The WebSocket frames engine.io would write for a binary event's packets (protocol 4, binary
 * supported): the event as a text frame, each attachment as a binary frame; null for anything else.
 */
function binaryMessageFrames(encoded: readonly unknown[]): MessageFrames | null {
  if (encoded.length < 2 || typeof encoded[0] !== 'string') return null;
  const frames = frame(Buffer.from(MESSAGE_PACKET_TYPE + encoded[0]), TEXT_OPCODE);
  for (const attachment of encoded.slice(1)) {
    const bytes = asBuffer(attachment);
    if (!bytes) return null;
    frames.push(...frame(bytes, BINARY_OPCODE));
  }
  return { first: encoded[0], bytes: Buffer.concat(frames), packets: encoded.length };
}

/** Whether `packets[from…]` holds the whole message whose frames are `whole` (they share one options object). */
function holdsWholeMessage(packets: readonly EnginePacket[], from: number, whole: MessageFrames): boolean {
  if (from + whole.packets > packets.length) return false;
  const options = packets[from].options;
  for (let index = from + 1; index < from + whole.packets; index++) if (packets[index].options !== options) return false;
  return true;
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

  // Every adapter (the in-memory one, and Redis's for the sockets of this instance) encodes a
  // room broadcast once, through this method, before writing it to each socket.
  const adapterPrototype = Adapter.prototype as unknown as EncodingAdapter;
  const encode = adapterPrototype._encode;
  adapterPrototype._encode = function (this: EncodingAdapter, packet: unknown, options: PacketOptions) {
    const encoded = encode.call(this, packet, options);
    const frames = binaryMessageFrames(encoded);
    if (frames) options[MESSAGE_FRAMES] = frames;
    // A text-only event: socket.io computed its frame as [header, payload], which ws writes as
    // two buffers (a writev); one buffer is one plain write.
    else if (Array.isArray(options.wsPreEncodedFrame) && options.wsPreEncodedFrame.length > 1) {
      options.wsPreEncodedFrame = [Buffer.concat(options.wsPreEncodedFrame)];
    }
    return encoded;
  };

  // socket.io's broadcast loop hands each socket the message's packets one by one, in one
  // synchronous loop: when the first one was written whole, the others are already on the wire.
  const connectionPrototype = EngineSocket.prototype as unknown as EngineConnection;
  const write = connectionPrototype.write;
  let written: { connection: EngineConnection; options: PacketOptions; left: number } | null = null;
  connectionPrototype.write = function (this: EngineConnection, data: unknown, options?: PacketOptions, callback?: unknown) {
    if (written) {
      const rest = written.connection === this && written.options === options;
      if (rest && --written.left === 0) written = null;
      if (rest) return this;
      written = null;
    }
    if (options && callback === undefined) {
      const frames = options[MESSAGE_FRAMES];
      if (frames ? data === frames.first && writeDirectly(this, frames.bytes) : writeTextFrameDirectly(this, data, options)) {
        if (frames && frames.packets > 1) written = { connection: this, options, left: frames.packets - 1 };
        return this;
      }
    }
    return write.call(this, data, options, callback);
  };

  const transportPrototype = (transports.websocket as unknown as { prototype: WebSocketTransport }).prototype;
  const sendPackets = transportPrototype.send;
  transportPrototype.send = function (this: WebSocketTransport, packets: EnginePacket[]) {
    const tcp = packets.length > 1 ? this.socket?._socket : undefined;
    tcp?.cork();
    try {
      if (canSendMessageFrames(this)) sendWithMessageFrames(this, packets, sendPackets);
      else sendPackets.call(this, packets);
    } finally {
      tcp?.uncork();
    }
  };
}

/** A text-only broadcast's frame (socket.io's `wsPreEncodedFrame`, made one buffer above) written straight to the socket. */
function writeTextFrameDirectly(connection: EngineConnection, data: unknown, options: PacketOptions): boolean {
  const frame = options.wsPreEncodedFrame;
  return typeof data === 'string' && Array.isArray(frame) && frame.length === 1 && writeDirectly(connection, frame[0]);
}

/**
 * Writes a broadcast's frames to the socket's WebSocket if engine.io holds nothing for it: open,
 * not upgrading, nothing buffered or in flight, and the WebSocket takes pre-computed frames. Then
 * the bytes land in the TCP stream exactly where engine.io would have put them. engine.io's
 * `packetCreate`/`flush`/`drain` events do not fire for such a message (socket.io listens to none).
 */
function writeDirectly(connection: EngineConnection, bytes: Buffer): boolean {
  const transport = connection.transport;
  if (
    connection.readyState !== 'open' ||
    connection.upgrading ||
    connection.writeBuffer.length > 0 ||
    transport.name !== 'websocket' ||
    !transport.writable ||
    !canSendMessageFrames(transport) ||
    transport.socket!.readyState !== WS_OPEN ||
    (transport.socket!._sender!._state ?? SENDER_IDLE) !== SENDER_IDLE
  ) {
    return false;
  }
  holdUntilTurnEnds(transport.socket!._socket);
  transport.socket!._sender!.sendFrame([bytes]);
  return true;
}

/** TCP sockets written directly in this turn, corked so that several messages leave in one write. */
const corkedThisTurn = new Set<CorkableSocket>();

function holdUntilTurnEnds(tcp: CorkableSocket | undefined): void {
  if (!tcp || corkedThisTurn.has(tcp)) return;
  tcp.cork();
  corkedThisTurn.add(tcp);
  if (corkedThisTurn.size === 1) queueMicrotask(uncorkAll);
}

function uncorkAll(): void {
  for (const tcp of corkedThisTurn) tcp.uncork();
  corkedThisTurn.clear();
}

/** Whether this socket takes the frames computed for a broadcast: binary WebSocket frames, protocol 4, no compression. */
function canSendMessageFrames(transport: WebSocketTransport): boolean {
  return transport.protocol === 4 && transport.supportsBinary && !transport.perMessageDeflate && typeof transport.socket?._sender?.sendFrame === 'function';
}

/**
 * engine.io's own loop over the packets (the last write's callback marks the transport writable
 * again), except that a broadcast message whose frames were computed once is written whole.
 */
function sendWithMessageFrames(transport: WebSocketTransport, packets: EnginePacket[], sendPackets: WebSocketTransport['send']): void {
  if (!packets.some((packet) => packet.options?.[MESSAGE_FRAMES])) {
    sendPackets.call(transport, packets);
    return;
  }
  const sender = transport.socket!._sender!;
  transport.writable = false;
  let index = 0;
  while (index < packets.length) {
    const whole = packets[index].options?.[MESSAGE_FRAMES];
    const count = whole && holdsWholeMessage(packets, index, whole) ? whole.packets : 1;
    const last = index + count === packets.length;
    if (count > 1) sender.sendFrame([whole!.bytes], last ? transport._onSentLast : transport._onSent);
    else sendOne(transport, packets[index], last, sendPackets);
    index += count;
  }
}

/** One packet the way engine.io sends it, keeping `writable` false until the batch's last write. */
function sendOne(transport: WebSocketTransport, packet: EnginePacket, last: boolean, sendPackets: WebSocketTransport['send']): void {
  if (last) {
    sendPackets.call(transport, [packet]);
    return;
  }
  // engine.io's send marks the batch's last packet with _onSentLast: here that one is not last.
  const onSentLast = transport._onSentLast;
  transport._onSentLast = transport._onSent;
  try {
    sendPackets.call(transport, [packet]);
  } finally {
    transport._onSentLast = onSentLast;
  }
}
