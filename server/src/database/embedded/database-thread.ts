import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FromDatabaseThread, ToDatabaseThread } from './pglite-thread-protocol';
import { adoptEarlyThread, startThread } from './thread-worker';
import { WorkerSocket, type DatabaseThreadLink } from './worker-socket';

/** The compiled thread entry; only the built server (dist/) can start it. */
const THREAD_ENTRY = join(__dirname, 'pglite-thread.js');

/**
 * The embedded PostgreSQL running in its own worker thread, and the sockets node-postgres uses to
 * reach it. A query, a COMMIT or a compaction then never blocks the server's event loop.
 */
export class DatabaseThread implements DatabaseThreadLink {
  private readonly logger = new Logger(DatabaseThread.name);
  private readonly sockets = new Map<number, WorkerSocket>();
  private nextConnection = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromDatabaseThread) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the embedded database thread exited (code ${code})`));
    });
  }

  static canStart(): boolean {
    return __filename.endsWith('.js');
  }

  /**
   * Starts the thread, or adopts the one `launch.ts` started ahead of the server, and waits until
   * the database is open (migrations are run by the server).
   */
  static async start(directory: string): Promise<DatabaseThread> {
    const starting = adoptEarlyThread(directory) ?? startThread(THREAD_ENTRY, directory);
    try {
      await starting.ready;
    } catch (error) {
      await starting.worker.terminate();
      throw error;
    }
    return new DatabaseThread(starting.worker);
  }

  /** node-postgres options: every connection of the pool is a socket to this thread. */
  pgConfig() {
    return {
      stream: () => this.open(),
      host: 'pglite-thread',
      port: 5432,
      user: 'postgres',
      password: 'postgres',
      database: 'postgres',
    };
  }

  open(): WorkerSocket {
    const socket = new WorkerSocket(this, this.nextConnection++);
    if (this.failure) process.nextTick(() => socket.destroy(this.failure));
    else this.sockets.set(socket.connection, socket);
    return socket;
  }

  send(connection: number, bytes: Uint8Array): void {
    this.post({ kind: 'data', connection, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  disconnect(connection: number): void {
    if (!this.sockets.delete(connection)) return;
    this.post({ kind: 'disconnect', connection });
  }

  /** Waits for the queries already sent, then closes PGlite (flushing it to disk). */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.failure) return resolve();
      this.worker.on('message', (message: FromDatabaseThread) => {
        if (message.kind === 'closed') resolve();
      });
      this.worker.once('exit', () => resolve());
      this.post({ kind: 'close' });
    }).then(() => this.worker.terminate().then(() => undefined));
    return this.closing;
  }

  private post(message: ToDatabaseThread, transfer: ArrayBuffer[] = []): void {
    if (!this.failure) this.worker.postMessage(message, transfer);
  }

  private onMessage(message: FromDatabaseThread): void {
    if (message.kind === 'data') this.sockets.get(message.connection)?.receive(message.bytes);
    else if (message.kind === 'failed') this.fail(new Error(message.message));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.logger.error(`Embedded database thread failed: ${error.message}`);
    for (const socket of this.sockets.values()) socket.destroy(error);
    this.sockets.clear();
  }
}
