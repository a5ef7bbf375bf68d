import { markdownToYUpdate, yDocToMarkdown } from '@coupole/shared';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import * as Y from 'yjs';
import { AppConfigService } from '../config/app-config.service';
import { CollabMetrics } from './collab-metrics';
import { DocumentUpdate } from './document-update.entity';
import { PendingUpdate, UpdateBatcher } from './update-batcher';

export interface BodyStorageTuning {
  /** Fold a document's updates into its snapshot once this many are stored. */
  compactionThreshold: number;
}

const DEFAULT_STORAGE_TUNING: BodyStorageTuning = { compactionThreshold: 500 };

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
  private stopped = false;

  constructor(
    @InjectRepository(DocumentUpdate) private readonly updates: Repository<DocumentUpdate>,
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** Before the database closes (its own shutdown hook): finish the compaction in progress. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.compactions;
  }

  /** For tests and the benchmark: a smaller threshold makes compaction observable. */
  configure(tuning: Partial<BodyStorageTuning>): void {
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

  /**
   * Inside the caller's transaction (a status change): whether edits of the body may still be
   * stored. The statement storing edits locks this row, so none is stored after the commit.
   */
  async setEditable(manager: EntityManager, documentId: string, editable: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq", "editable") VALUES ($1, $2, 0, $3)
       ON CONFLICT ("document_id") DO UPDATE SET "editable" = EXCLUDED."editable"`,
      [documentId, Buffer.from(EMPTY_STATE), editable],
    );
  }

  /**
   * The stored body as one Yjs update, read in the caller's transaction (the embedded database
   * has one connection: a transaction cannot wait for the service's own reads).
   */
  async loadIn(manager: EntityManager, documentId: string): Promise<Uint8Array> {
    const rows = (await manager.query(
      `SELECT "state" AS "part", -1 AS "seq" FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL SELECT "update", "seq" FROM "document_updates" WHERE "document_id" = $1 ORDER BY "seq"`,
      [documentId],
    )) as { part: Buffer }[];
    const doc = new Y.Doc();
    try {
      for (const row of rows) Y.applyUpdate(doc, row.part);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Appends one update dated `at` in the caller's transaction (a dated history, such as the demo's). */
  async appendIn(manager: EntityManager, documentId: string, update: Uint8Array, actorId: string | null, at: Date): Promise<void> {
    await manager.query(`INSERT INTO "document_updates" ("document_id", "update", "actor_id", "created_at") VALUES ($1, $2, $3, $4)`, [
      documentId,
      Buffer.from(update),
      actorId,
      at,
    ]);
  }

  /** Appends one update to the log; resolves once it is committed; rejects with DocumentSealedError. */
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
      applyAll(doc, parts, FROM_STORAGE);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The snapshot then the log, in order (as stored; compaction folds the log in the background). */
  async readStored(documentId: string): Promise<Uint8Array[]> {
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
      applyAll(doc, await this.readStored(documentId), FROM_STORAGE);
      return yDocToMarkdown(doc);
    } finally {
      doc.destroy();
    }
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

  /**
   * One statement: locks the snapshot rows of the documents concerned (FOR SHARE, so it waits
   * for a status change in progress and then reads its result) and stores the rows of those
   * still editable. Returns the documents refused.
   */
  private async insertUpdates(rows: PendingUpdate[]): Promise<ReadonlySet<string>> {
    const values: string[] = [];
    const parameters: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const base = parameters.length;
      values.push(`($${base + 1}::uuid, $${base + 2}::bytea, $${base + 3}::uuid, ${index})`);
      parameters.push(row.documentId, Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength), row.actorId);
    }
    const stored = (await this.updates.query(
      `WITH "incoming" ("document_id", "update", "actor_id", "position") AS (VALUES ${values.join(', ')}),
       "sealed" AS MATERIALIZED (
         SELECT "document_id", "editable" FROM "document_snapshots"
         WHERE "document_id" IN (SELECT "document_id" FROM "incoming") FOR SHARE
       )
       INSERT INTO "document_updates" ("document_id", "update", "actor_id")
       SELECT "incoming"."document_id", "incoming"."update", "incoming"."actor_id" FROM "incoming"
       WHERE NOT EXISTS (SELECT 1 FROM "sealed" WHERE "sealed"."document_id" = "incoming"."document_id" AND NOT "sealed"."editable")
       ORDER BY "incoming"."position"
       RETURNING "document_id"`,
      parameters,
    )) as Array<{ document_id: string }>;
    const storedDocuments = new Set(stored.map((row) => row.document_id));
    const refused = new Set<string>();
    for (const row of rows) if (!storedDocuments.has(row.documentId)) refused.add(row.documentId);
    return refused;
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
}

/** Applies stored parts in one transaction: far cheaper than Y.mergeUpdates for a long log. */
export function applyAll(doc: Y.Doc, parts: Uint8Array[], origin: unknown): void {
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part, origin);
  }, origin);
}
