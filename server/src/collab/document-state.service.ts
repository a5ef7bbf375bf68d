import {
  COLLAB_MAX_DOCUMENT_BYTES,
  markdownEditUpdate,
  markdownToYUpdate,
  yDocToMarkdown,
} from '@coupole/shared';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AppConfigService } from '../config/app-config.service';
import { CollabMetrics } from './collab-metrics';
import { CollabRefusal } from './collab-refusal';
import { CollabRelay, CollabSocket } from './collab-relay';
import { DocumentUpdate } from './document-update.entity';
import { PendingUpdate, UpdateBatcher } from './update-batcher';
import { checkUpdate } from './update-validation';

/** A document held in memory while someone edits it on this instance. */
export interface LiveDocument {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Upper bound of the encoded state's size, recomputed exactly when it nears the limit. */
  encodedSize: number;
  lastUsed: number;
}

export interface CollabTuning {
  /** Fold a document's updates into its snapshot once this many are stored. */
  compactionThreshold: number;
  /** Free a document nobody on this instance has had open for this long. */
  idleEvictionMs: number;
  /** Quiet time after the last edit before the Markdown cache of `documents` is refreshed. */
  bodyChangeDebounceMs: number;
}

export const DEFAULT_COLLAB_TUNING: CollabTuning = {
  compactionThreshold: 500,
  idleEvictionMs: 60_000,
  bodyChangeDebounceMs: 2_000,
};

/** Origin of updates that came from another instance (not to be relayed again). */
const FROM_OTHER_INSTANCE = Symbol('from-other-instance');
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Refreshes the documents module's Markdown cache (DocumentsService.recordBodyChange). */
export type BodyChangeRecorder = (documentId: string, markdown: string, editedAt: Date, actorId: string | null) => Promise<unknown>;

interface PendingBodyChange {
  timer: NodeJS.Timeout;
  editedAt: Date;
  actorId: string | null;
}

/**
 * The Yjs body of every document: durable log + snapshot in PostgreSQL, live copies in memory.
 *
 * Several instances: each keeps its own live copy of the documents its clients have open.
 * Clients of other instances get an update through the socket.io (Redis) adapter's room
 * broadcast; the other instances' live copies get it through `serverSideEmit`, sent after the
 * COMMIT so that an instance loading the document from the database meanwhile cannot miss it.
 * What must include every durable update (`stateUpdate`, `currentMarkdown`, used to freeze
 * versions) is read from the database, never from the live copy.
 */
@Injectable()
export class DocumentStateService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentStateService.name);
  private readonly live = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  private readonly tailSizes = new Map<string, number>();
  private readonly compactionQueue = new Set<string>();
  private compacting = false;
  private compactions: Promise<void> = Promise.resolve();
  private readonly bodyChanges = new Map<string, PendingBodyChange>();
  private readonly batcher: UpdateBatcher;
  private evictionTimer?: NodeJS.Timeout;
  private tuning: CollabTuning = DEFAULT_COLLAB_TUNING;
  private bodyChangeRecorder?: BodyChangeRecorder;
  private stopped = false;

  constructor(
    @InjectRepository(DocumentUpdate) private readonly updates: Repository<DocumentUpdate>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: CollabRelay,
    private readonly metrics: CollabMetrics,
    config: AppConfigService,
  ) {
    // PGlite has one session: a second write in flight would only queue behind the first.
    this.batcher = new UpdateBatcher(
      (rows) => this.insertUpdates(rows),
      { maxBatch: 500, maxInFlight: config.isEmbeddedDatabase ? 1 : 2 },
      ({ rows, writeMs, queuedMs }) => {
        if (!this.metrics.enabled) return;
        this.metrics.record('batchRows', rows);
        this.metrics.record('write', writeMs);
        for (const ms of queuedMs) this.metrics.record('queued', ms);
      },
    );
  }

  onModuleInit(): void {
    this.relay.onInstanceUpdate((documentId, update) => this.applyFromOtherInstance(documentId, update));
    this.evictionTimer = setInterval(() => this.evictIdle(), 10_000);
    this.evictionTimer.unref();
  }

  /** Before the database closes (its own shutdown hook): finish what writes to it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.evictionTimer);
    await this.compactions;
    await Promise.all([...this.bodyChanges.keys()].map((documentId) => this.flushBodyChange(documentId)));
  }

  onApplicationShutdown(): void {
    for (const live of this.live.values()) this.destroyLive(live);
    this.live.clear();
  }

  /**
   * Set by the collab service: the documents module depends on this service (seeding, current
   * Markdown), so this one cannot depend on it in return.
   */
  setBodyChangeRecorder(recorder: BodyChangeRecorder): void {
    this.bodyChangeRecorder = recorder;
  }

  /** For tests and the benchmark: smaller thresholds make compaction and eviction observable. */
  configure(tuning: Partial<CollabTuning>): void {
    this.tuning = { ...this.tuning, ...tuning };
  }

  /**
   * Stores the initial body of a new document, inside the caller's transaction. Does nothing
   * if the document already has a state, so a retried create can never duplicate the text.
   * Returns whether it stored something.
   */
  async seedInitialState(manager: EntityManager, documentId: string, markdown: string): Promise<boolean> {
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL SELECT 1 FROM "document_updates" WHERE "document_id" = $1 LIMIT 1`,
      [documentId],
    );
    if (existing.length > 0) return false;
    const state = markdownToYUpdate(markdown);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq") VALUES ($1, $2, 0)
       ON CONFLICT ("document_id") DO NOTHING RETURNING "document_id"`,
      [documentId, Buffer.from(state)],
    );
    return inserted.length > 0;
  }

  /** Appends one update to the log; resolves once it is committed. */
  async append(documentId: string, update: Uint8Array, actorId: string | null): Promise<void> {
    await this.batcher.append({ documentId, update, actorId });
    const tail = (this.tailSizes.get(documentId) ?? 0) + 1;
    this.tailSizes.set(documentId, tail);
    if (tail >= this.tuning.compactionThreshold) this.scheduleCompaction(documentId);
  }

  /** The stored body (snapshot + every update not folded yet) as one Yjs update. */
  async load(documentId: string): Promise<Uint8Array> {
    const parts = await this.readStored(documentId);
    if (parts.length === 0) return EMPTY_STATE;
    if (parts.length === 1) return parts[0];
    const doc = new Y.Doc();
    try {
      applyAll(doc, parts, FROM_OTHER_INSTANCE);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The snapshot then the log, in order (as stored; compaction folds the log in the background). */
  private async readStored(documentId: string): Promise<Uint8Array[]> {
    // One statement, hence one MVCC snapshot: read as two queries, a compaction committed in
    // between (on another connection or instance) would hide the rows it folded from both.
    const rows = (await this.updates.query(
      `SELECT 0 AS "part", "state" AS "bytes", 0::bigint AS "seq" FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL
       SELECT 1, "update", "seq" FROM "document_updates" WHERE "document_id" = $1
       ORDER BY "part", "seq"`,
      [documentId],
    )) as Array<{ part: number; bytes: Buffer }>;
    const tail = rows.filter((row) => row.part === 1).length;
    this.tailSizes.set(documentId, tail);
    if (tail >= this.tuning.compactionThreshold) this.scheduleCompaction(documentId);
    return rows.map((row) => row.bytes);
  }

  /** Every durable update, also those written by other instances (read from the database). */
  stateUpdate(documentId: string): Promise<Uint8Array> {
    return this.load(documentId);
  }

  async currentMarkdown(documentId: string): Promise<string> {
    const doc = new Y.Doc();
    try {
      applyAll(doc, await this.readStored(documentId), FROM_OTHER_INSTANCE);
      return yDocToMarkdown(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The live copy on this instance, loaded from the database on first use. */
  open(documentId: string): Promise<LiveDocument> {
    const live = this.live.get(documentId);
    if (live) {
      live.lastUsed = Date.now();
      return Promise.resolve(live);
    }
    let loading = this.loading.get(documentId);
    if (!loading) {
      loading = this.loadLive(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, loading);
    }
    return loading;
  }

  /**
   * The live copy for a client that joins. With other instances, a copy already in memory is
   * first brought up to date from the database, so that an update relayed from another
   * instance but not arrived yet (or lost while Redis was unreachable) is not missing from the
   * state sent to the newcomer.
   */
  async openForJoin(documentId: string): Promise<LiveDocument> {
    const wasLive = this.live.has(documentId);
    const live = await this.open(documentId);
    if (wasLive && this.relay.spansInstances) {
      Y.applyUpdate(live.doc, await this.load(documentId), FROM_OTHER_INSTANCE);
    }
    return live;
  }

  /**
   * A client's change: checked, applied to the live copy, sent to the room's other sockets on
   * every instance, then stored. Resolves after the COMMIT (the moment to acknowledge it).
   * Throws a CollabRefusal for a malformed or oversized update.
   */
  async applyClientUpdate(
    documentId: string,
    update: Uint8Array,
    actorId: string,
    sender?: CollabSocket,
    receivedAt = performance.now(),
  ): Promise<void> {
    if (!checkUpdate(update)) return;
    const live = await this.open(documentId);
    this.ensureRoom(live, update.byteLength);
    Y.applyUpdate(live.doc, update, sender ?? null);
    live.encodedSize += update.byteLength;
    live.lastUsed = Date.now();
    this.relay.broadcastUpdate(documentId, update, sender);
    this.metrics.record('relay', performance.now() - receivedAt);
    await this.persist(documentId, update, actorId);
    this.metrics.record('durable', performance.now() - receivedAt);
  }

  /**
   * Replaces the body with `markdown` as an ordinary edit (restoring a version, applying an
   * amendment): unchanged paragraphs keep their identity, every client of every instance sees
   * it live, and it is durable when this resolves. Returns false if the text was already that.
   */
  async applyServerEdit(documentId: string, markdown: string, actorId: string | null): Promise<boolean> {
    const live = await this.open(documentId);
    // Catch up with what other instances committed, so the edit is computed on the latest text.
    Y.applyUpdate(live.doc, await this.load(documentId), FROM_OTHER_INSTANCE);
    const update = markdownEditUpdate(live.doc, markdown);
    if (!update) return false;
    this.ensureRoom(live, update.byteLength);
    Y.applyUpdate(live.doc, update, null);
    live.encodedSize += update.byteLength;
    this.relay.broadcastUpdate(documentId, update);
    await this.persist(documentId, update, actorId);
    return true;
  }

  /** Folds the stored updates of a document into its snapshot (normally in the background). */
  async compact(documentId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq") VALUES ($1, $2, 0)
         ON CONFLICT ("document_id") DO NOTHING`,
        [documentId, Buffer.from(EMPTY_STATE)],
      );
      // The row lock serialises compactions of one document, also across instances.
      const [snapshot] = (await manager.query(
        `SELECT "state" FROM "document_snapshots" WHERE "document_id" = $1 FOR UPDATE`,
        [documentId],
      )) as Array<{ state: Buffer }>;
      const rows = (await manager.query(
        `SELECT "seq", "update" FROM "document_updates" WHERE "document_id" = $1 ORDER BY "seq"`,
        [documentId],
      )) as Array<{ seq: string; update: Buffer }>;
      if (rows.length === 0) return 0;
      const doc = new Y.Doc();
      try {
        doc.transact(() => {
          Y.applyUpdate(doc, snapshot.state);
          for (const row of rows) Y.applyUpdate(doc, row.update);
        });
        const state = Y.encodeStateAsUpdate(doc);
        const seqs = rows.map((row) => row.seq);
        await manager.query(
          `UPDATE "document_snapshots" SET "state" = $2, "upto_seq" = GREATEST("upto_seq", $3::bigint), "updated_at" = now()
           WHERE "document_id" = $1`,
          [documentId, Buffer.from(state), seqs[seqs.length - 1]],
        );
        // Exactly the rows folded: one committed meanwhile by another transaction (even with a
        // lower seq) stays in the log and is read on the next load.
        await manager.query(`DELETE FROM "document_updates" WHERE "document_id" = $1 AND "seq" = ANY($2::bigint[])`, [
          documentId,
          seqs,
        ]);
        return rows.length;
      } finally {
        doc.destroy();
      }
    });
  }

  /** Number of documents held in memory (for tests and metrics). */
  get liveCount(): number {
    return this.live.size;
  }

  isLive(documentId: string): boolean {
    return this.live.has(documentId);
  }

  private async loadLive(documentId: string): Promise<LiveDocument> {
    const startedAt = performance.now();
    const parts = await this.readStored(documentId);
    const existing = this.live.get(documentId);
    if (existing) return existing;
    const doc = new Y.Doc();
    // One transaction over the parts: far cheaper than Y.mergeUpdates for a long log.
    applyAll(doc, parts, FROM_OTHER_INSTANCE);
    const encodedSize = parts.reduce((size, part) => size + part.byteLength, 0);
    const awareness = new Awareness(doc);
    // The server is no participant: it only relays the others' carets.
    awareness.setLocalState(null);
    const live: LiveDocument = { documentId, doc, awareness, encodedSize, lastUsed: Date.now() };
    this.live.set(documentId, live);
    this.metrics.record('load', performance.now() - startedAt);
    return live;
  }

  private ensureRoom(live: LiveDocument, incoming: number): void {
    if (live.encodedSize + incoming <= COLLAB_MAX_DOCUMENT_BYTES) return;
    live.encodedSize = Y.encodeStateAsUpdate(live.doc).byteLength;
    if (live.encodedSize + incoming > COLLAB_MAX_DOCUMENT_BYTES) {
      throw new CollabRefusal(
        'document_too_large',
        `Le texte dépasserait la taille maximale (${COLLAB_MAX_DOCUMENT_BYTES / 1024 / 1024} Mo).`,
      );
    }
  }

  private async persist(documentId: string, update: Uint8Array, actorId: string | null): Promise<void> {
    try {
      await this.append(documentId, update, actorId);
    } catch (error) {
      this.logger.error(`Could not store an update of ${documentId}: ${String(error)}`);
      throw new CollabRefusal('unavailable', 'Enregistrement impossible pour le moment : réessayez.');
    }
    this.relay.tellOtherInstances('collab:update', documentId, update);
    this.scheduleBodyChange(documentId, actorId);
  }

  private applyFromOtherInstance(documentId: string, update: Uint8Array): void {
    const apply = (live: LiveDocument) => {
      try {
        Y.applyUpdate(live.doc, update, FROM_OTHER_INSTANCE);
        live.encodedSize += update.byteLength;
      } catch (error) {
        this.logger.warn(`Ignored an unreadable update relayed for ${documentId}: ${String(error)}`);
      }
    };
    const live = this.live.get(documentId);
    if (live) return apply(live);
    // A load in progress may have read the database before this update's COMMIT.
    void this.loading.get(documentId)?.then(apply, () => undefined);
  }

  private async insertUpdates(rows: PendingUpdate[]): Promise<void> {
    const values: string[] = [];
    const parameters: unknown[] = [];
    for (const row of rows) {
      const base = parameters.length;
      values.push(`($${base + 1}, $${base + 2}, $${base + 3})`);
      parameters.push(row.documentId, Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength), row.actorId);
    }
    await this.updates.query(
      `INSERT INTO "document_updates" ("document_id", "update", "actor_id") VALUES ${values.join(', ')}`,
      parameters,
    );
  }

  private scheduleCompaction(documentId: string): void {
    if (this.stopped) return;
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
          this.tailSizes.set(documentId, 0);
        } catch (error) {
          this.logger.warn(`Compaction of ${documentId} failed (will retry later): ${String(error)}`);
        }
      }
    } finally {
      this.compacting = false;
    }
  }

  private scheduleBodyChange(documentId: string, actorId: string | null): void {
    if (this.stopped) return;
    const previous = this.bodyChanges.get(documentId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => void this.flushBodyChange(documentId), this.tuning.bodyChangeDebounceMs);
    timer.unref();
    this.bodyChanges.set(documentId, { timer, editedAt: new Date(), actorId });
  }

  private async flushBodyChange(documentId: string): Promise<void> {
    const pending = this.bodyChanges.get(documentId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.bodyChanges.delete(documentId);
    try {
      const live = this.live.get(documentId);
      // With other instances the database is the one copy sure to hold every durable edit.
      const markdown = live && !this.relay.spansInstances ? yDocToMarkdown(live.doc) : await this.currentMarkdown(documentId);
      await this.bodyChangeRecorder?.(documentId, markdown, pending.editedAt, pending.actorId);
    } catch (error) {
      this.logger.warn(`Could not refresh the Markdown of ${documentId}: ${String(error)}`);
    }
  }

  private evictIdle(): void {
    const now = Date.now();
    for (const live of this.live.values()) {
      if (this.relay.localRoomSize(live.documentId) > 0) {
        live.lastUsed = now;
        continue;
      }
      if (now - live.lastUsed < this.tuning.idleEvictionMs || this.bodyChanges.has(live.documentId)) continue;
      this.live.delete(live.documentId);
      this.destroyLive(live);
    }
  }

  private destroyLive(live: LiveDocument): void {
    live.awareness.destroy();
    live.doc.destroy();
  }
}

function applyAll(doc: Y.Doc, parts: Uint8Array[], origin: unknown): void {
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part, origin);
  }, origin);
}
