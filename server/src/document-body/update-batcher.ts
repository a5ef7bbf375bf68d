export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  actorId: string | null;
}

interface Waiting {
  row: PendingUpdate;
  queuedAt: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** An update refused because its document may no longer be edited (adopted, withdrawn). */
export class DocumentSealedError extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId} may no longer be edited`);
    this.name = DocumentSealedError.name;
  }
}

/** Stores rows; resolves the documents whose rows it refused (none stored for them). */
export type BatchWriter = (rows: PendingUpdate[]) => Promise<ReadonlySet<string> | void>;

/** Timings of each write, for the collab metrics. */
export interface BatchObserver {
  (batch: { rows: number; writeMs: number; queuedMs: number[] }): void;
}

export interface BatchOptions {
  maxBatch: number;
  maxInFlight: number;
  /**
   * Least time between the starts of two writes: what arrives meanwhile joins the next one. An
   * append after a quiet moment is written at once; under steady typing, one COMMIT carries the
   * updates of this many milliseconds instead of one each (0: no wait).
   */
  gatherMs?: number;
}

/**
 * Group commit for Yjs updates: appends that arrive while a write is in flight, or within
 * `gatherMs` of the previous write's start, wait for the next one, and each write stores
 * everything waiting as one multi-row INSERT (one COMMIT). Under load this turns hundreds of tiny
 * transactions per second into a few dozen, which is what keeps the durable-acknowledgement
 * latency low and the server's CPU per edit small.
 */
export class UpdateBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly write: BatchWriter,
    private readonly options: BatchOptions,
    private readonly observe?: BatchObserver,
  ) {}

  /** Resolves once the row is committed; rejects if its batch failed or its document is sealed. */
  append(row: PendingUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, queuedAt: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    const wait = this.lastWriteAt + (this.options.gatherMs ?? 0) - performance.now();
    // At least one tick, so that the appends of the same event-loop turn join the batch.
    if (wait >= 1) setTimeout(run, wait);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    const batch = this.queue.splice(0, this.options.maxBatch);
    this.inFlight++;
    const startedAt = performance.now();
    this.lastWriteAt = startedAt;
    try {
      const refused = (await this.write(batch.map((waiting) => waiting.row))) ?? new Set<string>();
      this.observe?.({
        rows: batch.length,
        writeMs: performance.now() - startedAt,
        queuedMs: batch.map((waiting) => startedAt - waiting.queuedAt),
      });
      for (const waiting of batch) {
        if (refused.has(waiting.row.documentId)) waiting.reject(new DocumentSealedError(waiting.row.documentId));
        else waiting.resolve();
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
