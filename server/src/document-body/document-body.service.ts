import { markdownToYUpdate, yDocToMarkdown } from '@coupole/shared';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { AfterPause } from '../common/after-pause';
import { AppConfigService } from '../config/app-config.service';
import { CollabMetrics } from './collab-metrics';
import { DocumentBodyRepository, storedParts } from './document-body.repository';
import { foldParts } from './fold-parts';
import { UpdateBatcher } from './update-batcher';
import { UpdateFolder } from './update-folder';

export interface BodyStorageTuning {
  /** Fold a document's updates into its snapshot once this many are stored and its editors pause. */
  compactionThreshold: number;
  /** How long without an append counts as a pause. */
  compactionPauseMs: number;
  /** Past this many stored updates, fold them at once, pause or not. */
  compactionLimit: number;
  /** A read of at least this many parts (snapshot and updates) folds them in the fold thread. */
  threadFoldParts: number;
}

/**
 * Compaction reads the log, rebuilds the text in its own thread and rewrites the snapshot: work
 * that, in the middle of a typing session, competes with the edits for the machine (#14: the
 * propagation tail of a 50-editor session is shorter without it). So it waits for a pause in the
 * document's edits — the same 2 s after which its Markdown is refreshed — unless the log grows
 * past the limit, which bounds what a load has to apply.
 */
const DEFAULT_STORAGE_TUNING: BodyStorageTuning = {
  compactionThreshold: 500,
  compactionPauseMs: 2_000,
  compactionLimit: 2_000,
  // Folding takes ~4-16 µs a part (2,000 updates: 7-33 ms); a fold in the thread costs the
  // event loop a copy and a message instead. Past a few hundred parts, the thread is cheaper.
  threadFoldParts: 200,
};

/**
 * The least time between two batches of updates written to PostgreSQL: at most this much added
 * to an acknowledgement, for half the writes (or fewer) at a 50-editor session's pace (#14).
 */
const GATHER_MS = 20;

/** Origin of the stored parts applied to a document read back from the database. */
const FROM_STORAGE = Symbol('from-storage');
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * The durable Yjs body of every document: a snapshot and the log of updates after it, in
 * PostgreSQL (`document_snapshots`, `document_updates`), appended in batches and folded into the
 * snapshot in the background. No sockets and no live copies here (those are the collab module's):
 * what must include every durable update (`stateUpdate`, `currentMarkdown`, used to freeze
 * versions) is read from the database.
 */
@Injectable()
export class DocumentBodyService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DocumentBodyService.name);
  private readonly tailSizes = new Map<string, number>();
  private readonly compactionQueue = new Set<string>();
  private compacting = false;
  private compactions: Promise<void> = Promise.resolve();
  private readonly batcher: UpdateBatcher;
  private tuning: BodyStorageTuning = DEFAULT_STORAGE_TUNING;
  private readonly compactionPause = new AfterPause<string>(
    () => this.tuning.compactionPauseMs,
    (documentId) => this.scheduleCompaction(documentId),
  );
  private stopped = false;

  constructor(
    private readonly bodies: DocumentBodyRepository,
    private readonly metrics: CollabMetrics,
    config: AppConfigService,
    private readonly folder: UpdateFolder,
  ) {
    // PGlite has one session: a second write in flight would only queue behind the first.
    // On PostgreSQL, one COMMIT per GATHER_MS under steady typing rather than one per keystroke.
    this.batcher = new UpdateBatcher(
      (rows) => this.bodies.insertUpdates(rows),
      { maxBatch: 500, maxInFlight: config.isEmbeddedDatabase ? 1 : 2, gatherMs: config.isEmbeddedDatabase ? 0 : GATHER_MS },
      ({ rows, writeMs, queuedMs }) => {
        if (!this.metrics.enabled) return;
        this.metrics.record('batchRows', rows);
        this.metrics.record('write', writeMs);
        for (const ms of queuedMs) this.metrics.record('queued', ms);
      },
    );
  }

  /** Before the database closes (its own shutdown hook): finish the compaction in progress. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.compactionPause.cancelAll();
    await this.compactions;
  }

  /** For tests and the benchmark: smaller figures make compaction observable. */
  configure(tuning: Partial<BodyStorageTuning>): void {
    this.tuning = { ...this.tuning, ...tuning };
  }

  /**
   * Stores the initial body of a new document, inside the caller's transaction. Does nothing
   * if the document already has a state, so a retried create can never duplicate the text.
   * Returns whether it stored something.
   */
  async seedInitialState(manager: EntityManager, documentId: string, markdown: string): Promise<boolean> {
    if (await this.bodies.hasBody(manager, documentId)) return false;
    return this.bodies.insertSnapshot(manager, documentId, markdownToYUpdate(markdown));
  }

  /**
   * Inside the caller's transaction (a status change): whether edits of the body may still be
   * stored. The statement storing edits locks this row, so none is stored after the commit.
   */
  async setEditable(manager: EntityManager, documentId: string, editable: boolean): Promise<void> {
    await this.bodies.setEditable(manager, documentId, editable, EMPTY_STATE);
  }

  /**
   * The stored body as one Yjs update, read in the caller's transaction (the embedded database
   * has one connection: a transaction cannot wait for the service's own reads).
   */
  async loadIn(manager: EntityManager, documentId: string): Promise<Uint8Array> {
    return foldParts(storedParts(await this.bodies.readStored(documentId, manager)));
  }

  /** Appends one update dated `at` in the caller's transaction (a dated history, such as the demo's). */
  async appendIn(manager: EntityManager, documentId: string, update: Uint8Array, actorId: string | null, at: Date): Promise<void> {
    await this.bodies.appendIn(manager, documentId, update, actorId, at);
  }

  /** Appends one update to the log; resolves once it is committed; rejects with DocumentSealedError. */
  async append(documentId: string, update: Uint8Array, actorId: string | null): Promise<void> {
    await this.batcher.append({ documentId, update, actorId });
    this.noteTail(documentId, (this.tailSizes.get(documentId) ?? 0) + 1);
  }

  /** The stored body (snapshot + every update not folded yet) as one Yjs update. */
  async load(documentId: string): Promise<Uint8Array> {
    const parts = await this.readStored(documentId);
    if (parts.length === 0) return EMPTY_STATE;
    if (parts.length === 1) return parts[0];
    return foldParts(parts);
  }

  /**
   * The snapshot then the log, in order (compaction folds the log in the background). A long log
   * (one that grew while its editors kept typing) comes back already folded into one part, in
   * the fold thread: a join or a server edit does not stop the event loop to rebuild the text.
   */
  async readStored(documentId: string): Promise<Uint8Array[]> {
    const stored = await this.bodies.readStored(documentId);
    this.noteTail(documentId, stored.updates.length);
    const parts = storedParts(stored);
    return parts.length >= this.tuning.threadFoldParts ? [await this.folder.fold(parts)] : parts;
  }

  /** Every durable update, also those written by other instances (read from the database). */
  stateUpdate(documentId: string): Promise<Uint8Array> {
    return this.load(documentId);
  }

  async currentMarkdown(documentId: string): Promise<string> {
    const doc = new Y.Doc();
    try {
      applyAll(doc, await this.readStored(documentId), FROM_STORAGE);
      return yDocToMarkdown(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Folds the stored updates of a document into its snapshot (normally in the background).
   * Returns how many were folded: 0 if there were none, or if the snapshot changed while they
   * were folded (the next compaction folds them). Nothing is locked while a long text is rebuilt,
   * in its own thread: neither the sockets nor the document's edits wait for it.
   */
  async compact(documentId: string): Promise<number> {
    const stored = await this.bodies.readStored(documentId);
    const { version, updates } = stored;
    if (updates.length === 0) {
      this.tailSizes.set(documentId, 0);
      return 0;
    }
    const state = await this.folder.fold(storedParts(stored));
    if (!(await this.bodies.storeFold(documentId, version, state, updates.map((row) => row.seq)))) return 0;
    this.tailSizes.set(documentId, Math.max(0, (this.tailSizes.get(documentId) ?? 0) - updates.length));
    return updates.length;
  }

  /** How many updates a document's log holds: past the threshold, compaction waits for a pause. */
  private noteTail(documentId: string, tail: number): void {
    this.tailSizes.set(documentId, tail);
    if (tail >= this.tuning.compactionLimit) this.scheduleCompaction(documentId);
    else if (tail >= this.tuning.compactionThreshold) this.compactionPause.touch(documentId);
  }

  private scheduleCompaction(documentId: string): void {
    if (this.stopped) return;
    this.compactionPause.cancel(documentId);
    this.compactionQueue.add(documentId);
    if (this.compacting) return;
    this.compacting = true;
    this.compactions = new Promise<void>((done) => setImmediate(() => void this.runCompactions().finally(done)));
  }

  private async runCompactions(): Promise<void> {
    try {
      for (const documentId of this.compactionQueue) {
        this.compactionQueue.delete(documentId);
        if (this.stopped) return;
        try {
          const startedAt = performance.now();
          await this.compact(documentId);
          this.metrics.record('compaction', performance.now() - startedAt);
        } catch (error) {
          this.logger.warn(`Compaction of ${documentId} failed (will retry later): ${String(error)}`);
        }
      }
    } finally {
      this.compacting = false;
    }
  }
}

/** Applies stored parts in one transaction: far cheaper than Y.mergeUpdates for a long log. */
export function applyAll(doc: Y.Doc, parts: Uint8Array[], origin: unknown): void {
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part, origin);
  }, origin);
}
