import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DatabaseThreadData, FromDatabaseThread, ToDatabaseThread } from './pglite-thread-protocol';
import { concatBytes, WireMessageSplitter } from './wire-message-splitter';

/*
 * The embedded PostgreSQL's own thread: every query, COMMIT and compaction runs here, so the
 * server's event loop keeps serving sockets meanwhile. The main thread speaks the PostgreSQL wire
 * protocol to it (through WorkerSocket), like a client to a server over TCP.
 */
if (!parentPort) throw new Error('pglite-thread runs as a worker thread');
const port: MessagePort = parentPort;
const { directory } = workerData as DatabaseThreadData;

const post = (message: FromDatabaseThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function main(): Promise<void> {
  if (directory !== 'memory://') mkdirSync(directory, { recursive: true });
  const pglite = new PGlite(directory);
  await pglite.waitReady;
  const splitters = new Map<number, WireMessageSplitter>();
  // PGlite has one session: messages run one at a time, in the order they arrived.
  let queue: Promise<void> = Promise.resolve();

  /** Runs the complete messages of one arrival in turn and sends back all they produced at once. */
  const run = (connection: number, messages: Uint8Array[]) =>
    pglite.runExclusive(async () => {
      const chunks: Uint8Array[] = [];
      for (const message of messages) {
        await pglite.execProtocolRawStream(message, { onRawData: (chunk) => chunks.push(chunk.slice()) });
      }
      if (chunks.length === 0 || !splitters.has(connection)) return;
      // Own buffers only (never Buffer's shared pool): they are transferred, not copied.
      const bytes = chunks.length === 1 ? chunks[0] : concatBytes(chunks);
      post({ kind: 'data', connection, bytes }, [bytes.buffer as ArrayBuffer]);
    });

  port.on('message', (message: ToDatabaseThread) => {
    switch (message.kind) {
      case 'data': {
        let splitter = splitters.get(message.connection);
        if (!splitter) splitters.set(message.connection, (splitter = new WireMessageSplitter()));
        const complete = splitter.push(message.bytes);
        if (complete.length > 0) queue = queue.then(() => run(message.connection, complete)).catch((error: unknown) => fail(error));
        return;
      }
      case 'disconnect':
        splitters.delete(message.connection);
        return;
      case 'close':
        queue = queue
          .then(() => pglite.close())
          .then(() => post({ kind: 'closed' }))
          .catch((error: unknown) => fail(error));
        return;
    }
  });
  post({ kind: 'ready' });
}

function fail(error: unknown): void {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

main().catch(fail);
