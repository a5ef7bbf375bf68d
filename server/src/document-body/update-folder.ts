import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { foldParts, type FoldRequest, type FoldResponse } from './fold-parts';

/** The compiled thread entry, beside this file (dist/document-body/ or dist/bundle/). */
export const FOLD_THREAD_ENTRY = join(__dirname, 'fold-thread.js');

interface Pending {
  resolve: (state: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Folds stored parts into one state (compaction) in a worker thread, so that the server's event
 * loop keeps relaying edits meanwhile. The thread starts at the first fold and does not keep the
 * process alive; if it cannot start or dies, that fold and the next ones run here instead (the
 * sources run by ts-jest have no compiled thread entry: they fold here too).
 */
@Injectable()
export class UpdateFolder implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateFolder.name);
  private worker?: Worker;
  private unavailable = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly entry: string = FOLD_THREAD_ENTRY) {}

  fold(parts: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.thread();
    // A throw becomes a rejection, as from the thread.
    if (!worker) return new Promise((resolve) => resolve(foldParts(parts)));
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      // Copied, not transferred: node-postgres's small buffers share one pooled ArrayBuffer.
      worker.postMessage({ id, parts } satisfies FoldRequest);
    });
  }

  /** Whether folds run in the thread (for tests). */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.unavailable = true;
    await worker?.terminate();
  }

  private thread(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    if (!this.entry.endsWith('.js') || !existsSync(this.entry)) {
      this.unavailable = true;
      return undefined;
    }
    const worker = new Worker(this.entry);
    worker.unref();
    worker.on('message', (response: FoldResponse) => this.settle(response));
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`the fold thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(response: FoldResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (response.error !== undefined) pending.reject(new Error(response.error));
    else pending.resolve(response.state);
  }

  /** The thread is gone: what it held fails (compaction retries later), and later folds run here. */
  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.unavailable = true;
    if (this.pending.size > 0) this.logger.warn(`Compaction thread lost, folding on the main thread from now on: ${error.message}`);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
