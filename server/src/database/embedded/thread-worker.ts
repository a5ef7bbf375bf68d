import { Worker } from 'node:worker_threads';
import type { DatabaseThreadData, FromDatabaseThread } from './pglite-thread-protocol';

/**
 * Starting the embedded database's worker thread, kept free of Nest and TypeORM: `launch.ts`
 * starts it before it loads the server, so PGlite's WebAssembly start (about a second of CPU)
 * runs while the main thread loads the bundle, and the server's DatabaseThread adopts it.
 */
export interface StartingThread {
  directory: string;
  worker: Worker;
  /** Settles when the database is open, or fails with the thread's error. */
  ready: Promise<void>;
}

/** EMBEDDED_DATABASE_THREAD=0 keeps the database in the server's thread, to compare the two (benchmarks). */
export function threadWanted(): boolean {
  return process.env.EMBEDDED_DATABASE_THREAD !== '0';
}

/** One slot per process, shared by launch.ts and the bundle (each has its own copy of this module). */
const EARLY = Symbol.for('coupole.embeddedDatabase.earlyThread');
type WithEarly = typeof globalThis & { [EARLY]?: StartingThread };

export function startThread(entry: string, directory: string): StartingThread {
  const worker = new Worker(entry, { workerData: { directory } satisfies DatabaseThreadData });
  const ready = new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      worker.off('message', onMessage);
      worker.off('error', settle);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (message: FromDatabaseThread) => {
      if (message.kind === 'ready') settle();
      else if (message.kind === 'failed') settle(new Error(message.message));
    };
    const onExit = (code: number) => settle(new Error(`the embedded database thread exited (code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', settle);
    worker.on('exit', onExit);
  });
  return { directory, worker, ready };
}

/**
 * Starts the thread ahead of the server. Until the server adopts it, it does not keep the process
 * alive (a server that fails to start still exits) and its failure is left for the server to see.
 */
export function startThreadEarly(entry: string, directory: string): void {
  const early = startThread(entry, directory);
  early.worker.unref();
  early.ready.catch(() => undefined);
  (globalThis as WithEarly)[EARLY] = early;
}

/** The thread started early for this directory, if any; one started for another is stopped. */
export function adoptEarlyThread(directory: string): StartingThread | undefined {
  const slot = globalThis as WithEarly;
  const early = slot[EARLY];
  slot[EARLY] = undefined;
  if (!early) return undefined;
  if (early.directory !== directory) {
    void early.worker.terminate();
    return undefined;
  }
  early.worker.ref();
  return early;
}
