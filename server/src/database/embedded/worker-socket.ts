import { Duplex } from 'node:stream';
import { concatBytes } from './wire-message-splitter';

export interface DatabaseThreadLink {
  send(connection: number, bytes: Uint8Array): void;
  disconnect(connection: number): void;
}

/**
 * What node-postgres takes for a TCP socket, backed by the database thread: writes go to the
 * thread, the thread's answers are pushed back as if read from the network.
 */
export class WorkerSocket extends Duplex {
  private pending: Buffer[] = [];

  constructor(
    private readonly link: DatabaseThreadLink,
    readonly connection: number,
  ) {
    super();
  }

  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /** Bytes from the database thread. */
  receive(bytes: Uint8Array): void {
    this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  override _read(): void {
    // Data arrives when the thread sends it (receive); nothing to pull.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // pg writes a query as several messages (parse, bind, execute, sync) in one turn: they cross
    // to the thread together, in one message, and run there in one go.
    if (this.pending.length === 0) process.nextTick(() => this.flush());
    this.pending.push(chunk);
    callback();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // One buffer the thread owns (Buffer.concat may use the shared pool, and pg reuses its own).
    const bytes = concatBytes(this.pending);
    this.pending = [];
    this.link.send(this.connection, bytes);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush();
    this.link.disconnect(this.connection);
    this.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.link.disconnect(this.connection);
    callback(error);
  }
}
