import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-statement';
import type { PendingUpdate } from './update-batcher';

/** The edits of one batch, in order, stored unless their document is no longer editable. */
const INSERT_UPDATES_SQL = `
WITH "incoming" AS (
  SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[]) WITH ORDINALITY AS "i" ("document_id", "update", "actor_id", "position")
),
"sealed" AS MATERIALIZED (
  SELECT "document_id", "editable" FROM "document_snapshots"
  WHERE "document_id" IN (SELECT "document_id" FROM "incoming") FOR SHARE
)
INSERT INTO "document_updates" ("document_id", "update", "actor_id")
SELECT "incoming"."document_id", "incoming"."update", "incoming"."actor_id" FROM "incoming"
WHERE NOT EXISTS (SELECT 1 FROM "sealed" WHERE "sealed"."document_id" = "incoming"."document_id" AND NOT "sealed"."editable")
ORDER BY "incoming"."position"
RETURNING "document_id"`;

/** The only access to `document_snapshots` and `document_updates`. */
@Injectable()
export class DocumentBodyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether the document has a snapshot or an update stored. */
  async hasBody(manager: EntityManager, documentId: string): Promise<boolean> {
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL SELECT 1 FROM "document_updates" WHERE "document_id" = $1 LIMIT 1`,
      [documentId],
    );
    return existing.length > 0;
  }

  /** Inserts the snapshot unless the document has one; whether it did. */
  async insertSnapshot(manager: EntityManager, documentId: string, state: Uint8Array): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq") VALUES ($1, $2, 0)
       ON CONFLICT ("document_id") DO NOTHING RETURNING "document_id"`,
      [documentId, Buffer.from(state)],
    );
    return inserted.length > 0;
  }

  /** Sets the flag, creating the snapshot row with `emptyState` if there is none. */
  async setEditable(manager: EntityManager, documentId: string, editable: boolean, emptyState: Uint8Array): Promise<void> {
    await manager.query(
      `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq", "editable") VALUES ($1, $2, 0, $3)
       ON CONFLICT ("document_id") DO UPDATE SET "editable" = EXCLUDED."editable"`,
      [documentId, Buffer.from(emptyState), editable],
    );
  }

  /**
   * The snapshot then the log, in order, in one statement, hence one MVCC snapshot: read as two
   * queries, a compaction committed in between (on another connection or instance) would hide
   * the rows it folded from both. `tail` is the number of updates after the snapshot.
   */
  async readStored(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<{ parts: Uint8Array[]; tail: number }> {
    const rows = (await manager.query(
      `SELECT 0 AS "part", "state" AS "bytes", 0::bigint AS "seq" FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL
       SELECT 1, "update", "seq" FROM "document_updates" WHERE "document_id" = $1
       ORDER BY "part", "seq"`,
      [documentId],
    )) as Array<{ part: number; bytes: Buffer }>;
    return { parts: rows.map((row) => row.bytes), tail: rows.filter((row) => row.part === 1).length };
  }

  async appendIn(manager: EntityManager, documentId: string, update: Uint8Array, actorId: string | null, at: Date): Promise<void> {
    await manager.query(`INSERT INTO "document_updates" ("document_id", "update", "actor_id", "created_at") VALUES ($1, $2, $3, $4)`, [
      documentId,
      Buffer.from(update),
      actorId,
      at,
    ]);
  }

  /**
   * The snapshot (created empty if missing) locked for update, and the updates after it. The
   * row lock serialises compactions of one document, also across instances.
   */
  async lockForCompaction(manager: EntityManager, documentId: string, emptyState: Uint8Array): Promise<{ state: Buffer; updates: Array<{ seq: string; update: Buffer }> }> {
    await manager.query(
      `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq") VALUES ($1, $2, 0)
       ON CONFLICT ("document_id") DO NOTHING`,
      [documentId, Buffer.from(emptyState)],
    );
    const [snapshot] = (await manager.query(`SELECT "state" FROM "document_snapshots" WHERE "document_id" = $1 FOR UPDATE`, [documentId])) as Array<{
      state: Buffer;
    }>;
    const updates = (await manager.query(`SELECT "seq", "update" FROM "document_updates" WHERE "document_id" = $1 ORDER BY "seq"`, [documentId])) as Array<{
      seq: string;
      update: Buffer;
    }>;
    return { state: snapshot.state, updates };
  }

  /** Replaces the snapshot by `state`, which folds exactly the updates `seqs` (deleted from the log). */
  async foldInto(manager: EntityManager, documentId: string, state: Uint8Array, seqs: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE "document_snapshots" SET "state" = $2, "upto_seq" = GREATEST("upto_seq", $3::bigint), "updated_at" = now()
       WHERE "document_id" = $1`,
      [documentId, Buffer.from(state), seqs[seqs.length - 1]],
    );
    // Exactly the rows folded: one committed meanwhile by another transaction (even with a
    // lower seq) stays in the log and is read on the next load.
    await manager.query(`DELETE FROM "document_updates" WHERE "document_id" = $1 AND "seq" = ANY($2::bigint[])`, [documentId, seqs]);
  }

  /**
   * One statement: locks the snapshot rows of the documents concerned (FOR SHARE, so it waits
   * for a status change in progress and then reads its result) and stores the rows of those
   * still editable. Returns the documents refused. The rows come as three arrays, so the text is
   * the same for any number of rows: a named prepared statement, planned once per connection
   * (it runs for every durable edit).
   */
  async insertUpdates(rows: PendingUpdate[]): Promise<ReadonlySet<string>> {
    const stored = await preparedQuery<{ document_id: string }>(this.dataSource, 'document-body.insert-updates', INSERT_UPDATES_SQL, [
      rows.map((row) => row.documentId),
      rows.map((row) => Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength)),
      rows.map((row) => row.actorId),
    ]);
    const storedDocuments = new Set(stored.map((row) => row.document_id));
    const refused = new Set<string>();
    for (const row of rows) if (!storedDocuments.has(row.documentId)) refused.add(row.documentId);
    return refused;
  }
}
