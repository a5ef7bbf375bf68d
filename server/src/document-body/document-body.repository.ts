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

/** A document's stored body: its snapshot (and the row's version), then the log after it, in order. */
export interface StoredBody {
  version: string | null;
  snapshot: Buffer | null;
  updates: Array<{ seq: string; update: Buffer }>;
}

/** The snapshot then the log's updates, in order, as Yjs updates. */
export function storedParts({ snapshot, updates }: StoredBody): Uint8Array[] {
  const parts: Uint8Array[] = updates.map((row) => row.update);
  if (snapshot) parts.unshift(snapshot);
  return parts;
}

/** The only access to `document_snapshots` and `document_updates`. */
@Injectable()
export class DocumentBodyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
   * the rows it folded from both. With the snapshot comes the version of its row (`xmin`, which
   * any change of the row replaces; null while there is no snapshot): a compaction folds what it
   * read with nothing locked, and `storeFold` stores it only if that version is still the row's.
   */
  async readStored(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredBody> {
    const rows = (await manager.query(
      `SELECT 0 AS "part", "state" AS "bytes", 0::bigint AS "seq", "xmin"::text AS "version" FROM "document_snapshots" WHERE "document_id" = $1
       UNION ALL
       SELECT 1, "update", "seq", NULL::text FROM "document_updates" WHERE "document_id" = $1
       ORDER BY "part", "seq"`,
      [documentId],
    )) as Array<{ part: number; bytes: Buffer; seq: string; version: string | null }>;
    const snapshot = rows[0]?.part === 0 ? rows[0] : undefined;
    return {
      version: snapshot?.version ?? null,
      snapshot: snapshot?.bytes ?? null,
      updates: rows.filter((row) => row.part === 1).map((row) => ({ seq: row.seq, update: row.bytes })),
    };
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
   * Replaces the snapshot by `state`, which folds it and exactly the updates `seqs` (deleted from
   * the log), if the snapshot row is still at `version` (null: there was none), in one statement.
   * Its UPDATE waits for a change of the row in progress and checks the version again on the
   * result, so a fold of an older snapshot (another compaction, on any instance, or a status
   * change came first) is never stored: returns false, and nothing was written. An update
   * committed meanwhile, even with a lower seq, is not among `seqs`: it stays in the log.
   */
  async storeFold(documentId: string, version: string | null, state: Uint8Array, seqs: readonly string[]): Promise<boolean> {
    const replace =
      version === null
        ? `INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq") VALUES ($1, $2, $3)
           ON CONFLICT ("document_id") DO NOTHING RETURNING "document_id"`
        : `UPDATE "document_snapshots" SET "state" = $2, "upto_seq" = GREATEST("upto_seq", $3::bigint), "updated_at" = now()
           WHERE "document_id" = $1 AND "xmin"::text = $5 RETURNING "document_id"`;
    const stored = (await this.dataSource.query(
      `WITH "stored" AS (${replace}),
       "folded" AS (DELETE FROM "document_updates" WHERE "document_id" IN (SELECT "document_id" FROM "stored") AND "seq" = ANY($4::bigint[]))
       SELECT "document_id" FROM "stored"`,
      version === null ? [documentId, Buffer.from(state), seqs[seqs.length - 1], seqs] : [documentId, Buffer.from(state), seqs[seqs.length - 1], seqs, version],
    )) as unknown[];
    return stored.length > 0;
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
