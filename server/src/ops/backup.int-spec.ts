import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { appendDecision, type DecisionDto, type DecisionRecord, verifyChain } from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { connectionOptions, openEmbeddedDatabase } from '../database/database-options';
import { MIGRATIONS } from '../database/migrations';
import { readPgliteTemplate } from '../test/pglite-template';
import { createTestDatabase, TestDatabase } from '../test/test-database';
import { backupEmbedded, backupPostgres, embeddedClusterDir, restoreEmbedded, restorePostgres } from './backup';

/** The last migration of the previous release: what a deployed database already has. */
const PREVIOUS_RELEASE_LAST_MIGRATION = 'CreateNotificationsAndOutbox1795703410000';

interface Opened {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A DataSource on PostgreSQL (`databaseUrl`) or on the embedded cluster kept in `dataDir`
 * (or on an embedded database already open, to keep an in-memory one across two connections).
 */
async function open(location: { databaseUrl?: string; dataDir: string }, migrations = MIGRATIONS, embedded?: PGlite): Promise<Opened> {
  const pglite = location.databaseUrl ? undefined : (embedded ?? openEmbeddedDatabase(location.dataDir));
  const options = connectionOptions(location, pglite && createPgConfig(pglite));
  const dataSource = new DataSource({ ...options, migrations, migrationsRun: false });
  await dataSource.initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      if (!embedded) await pglite?.close();
    },
  };
}

/**
 * An embedded cluster on disk in `dataDir`, already migrated: loaded from the migrated template of
 * this jest run when there is one (creating and migrating a cluster on disk takes a minute here).
 */
async function migratedEmbeddedCluster(dataDir: string): Promise<Opened> {
  const template = await readPgliteTemplate();
  if (!template) {
    const opened = await open({ dataDir });
    await opened.dataSource.runMigrations();
    return opened;
  }
  const cluster = embeddedClusterDir(dataDir);
  await mkdir(cluster, { recursive: true });
  const pglite = new PGlite(cluster, { loadDataDir: template });
  const opened = await open({ dataDir }, MIGRATIONS, pglite);
  return {
    dataSource: opened.dataSource,
    async close() {
      await opened.close();
      await pglite.close();
    },
  };
}

/** A document and a chain of decisions written as the application writes them (hash chain included). */
async function writeRegister(dataSource: DataSource, count: number): Promise<void> {
  const userId = randomUUID();
  const documentId = randomUUID();
  await dataSource.query(
    `INSERT INTO "users" ("id", "email", "display_name", "role", "password_hash") VALUES ($1, $2, 'Secrétariat', 'facilitator', 'x')`,
    [userId, `secretariat-${userId}@example.be`],
  );
  await dataSource.query(`INSERT INTO "documents" ("id", "title", "kind", "created_by") VALUES ($1, 'Note', 'note_technique', $2)`, [documentId, userId]);
  let previous: DecisionDto | null = null;
  for (let index = 0; index < count; index++) {
    const decision: DecisionDto = appendDecision(previous, {
      roundId: randomUUID(),
      roundNumber: index + 1,
      documentId,
      documentTitle: 'Note « accès » — été',
      version: 1,
      contentHash: 'a'.repeat(64),
      question: 'Adoptons-nous la note ?',
      rule: 'consensus',
      outcome: 'adopted',
      closeCause: 'facilitator',
      participants: ['aleap'],
      positions: [],
      objections: [],
      closedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
      closedBy: null,
    });
    const { hash, ...record } = decision;
    await dataSource.query(
      `INSERT INTO "decisions" ("seq", "round_id", "document_id", "document_kind", "record", "prev_hash", "hash", "closed_at", "search_text")
       VALUES ($1, $2, $3, 'note_technique', $4, $5, $6, $7, 'note')`,
      [decision.seq, decision.roundId, documentId, JSON.stringify(record), decision.prevHash, hash, decision.closedAt],
    );
    previous = decision;
  }
}

/** A comment with a reply and two events on the register's document, as the previous release wrote them. */
async function writeDiscussion(dataSource: DataSource): Promise<void> {
  const [{ id: documentId, created_by: userId }] = (await dataSource.query(`SELECT "id", "created_by" FROM "documents" LIMIT 1`)) as {
    id: string;
    created_by: string;
  }[];
  const [{ id: commentId }] = (await dataSource.query(
    `INSERT INTO "comments" ("document_id", "author_id", "body", "mentions") VALUES ($1, $2, 'Avis de @caips ?', '["caips"]') RETURNING "id"`,
    [documentId, userId],
  )) as { id: string }[];
  await dataSource.query(`INSERT INTO "comment_replies" ("comment_id", "author_id", "body", "mentions") VALUES ($1, $2, 'D’accord.', '[]')`, [commentId, userId]);
  for (const type of ['document.created', 'comment.created']) {
    await dataSource.query(`INSERT INTO "events" ("document_id", "type", "actor_id", "payload") VALUES ($1, $2, $3, '{}')`, [documentId, type, userId]);
  }
}

/** Row counts of every table but TypeORM's own, and the discussion's text. */
async function contents(dataSource: DataSource, tables?: string[]) {
  const names =
    tables ??
    ((await dataSource.query(`SELECT "table_name" FROM "information_schema"."tables" WHERE "table_schema" = 'public' AND "table_type" = 'BASE TABLE' AND "table_name" <> 'migrations'`)) as { table_name: string }[]).map(
      (row) => row.table_name,
    );
  const counts: Record<string, number> = {};
  for (const name of names.sort()) counts[name] = Number(((await dataSource.query(`SELECT count(*) AS "count" FROM "${name}"`)) as { count: string }[])[0].count);
  const discussion = (await dataSource.query(
    `SELECT c."body", c."mentions", r."body" AS "reply" FROM "comments" c JOIN "comment_replies" r ON r."comment_id" = c."id"`,
  )) as object[];
  const timeline = ((await dataSource.query(`SELECT "type" FROM "events" ORDER BY "at", "id"`)) as { type: string }[]).map((row) => row.type);
  return { counts, discussion, timeline };
}

async function register(dataSource: DataSource) {
  const rows = (await dataSource.query(`SELECT "seq", "record", "prev_hash", "hash" FROM "decisions" ORDER BY "seq"`)) as {
    seq: string;
    record: DecisionRecord;
    prev_hash: string;
    hash: string;
  }[];
  return verifyChain(rows.map((row) => ({ ...row.record, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash })));
}

const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const onEmbedded = process.env.DATABASE_URL ? it.skip : it;

describe('backup, restore and upgrade (integration)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coupole-backup-'));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await rm(folder, { recursive: true, force: true });
  });

  onEmbedded('restores an embedded (PGlite) backup into a fresh data folder, and the register still verifies', async () => {
    const source = { dataDir: join(folder, 'source') };
    const target = { dataDir: join(folder, 'target') };
    const original = await migratedEmbeddedCluster(source.dataDir);
    await writeRegister(original.dataSource, 12);
    const before = await register(original.dataSource);
    await original.close();

    await backupEmbedded(source.dataDir, join(folder, 'coupole.pglite.tar.gz'));
    await restoreEmbedded(join(folder, 'coupole.pglite.tar.gz'), target.dataDir);
    await expect(restoreEmbedded(join(folder, 'coupole.pglite.tar.gz'), target.dataDir)).rejects.toThrow(/already holds a database/);

    const restored = await open(target);
    cleanups.push(() => restored.close());
    expect(before).toMatchObject({ valid: true, length: 12 });
    await expect(register(restored.dataSource)).resolves.toEqual(before);
    expect(await restored.dataSource.showMigrations()).toBe(false);
    // Still append-only after a restore: the triggers came back with the cluster.
    await expect(restored.dataSource.query(`DELETE FROM "decisions" WHERE "seq" = 12`)).rejects.toThrow(/append-only/);
  });

  onPostgres('restores a pg_dump custom-format backup into a fresh PostgreSQL database, and the register still verifies', async () => {
    const [sourceDatabase, targetDatabase]: TestDatabase[] = [await createTestDatabase(), await createTestDatabase()];
    cleanups.push(sourceDatabase.drop, targetDatabase.drop);
    const original = await open(sourceDatabase);
    await original.dataSource.runMigrations();
    await writeRegister(original.dataSource, 12);
    const before = await register(original.dataSource);
    await original.close();

    await backupPostgres(sourceDatabase.databaseUrl!, join(folder, 'coupole.dump'));
    await restorePostgres(targetDatabase.databaseUrl!, join(folder, 'coupole.dump'));

    const restored = await open(targetDatabase);
    cleanups.push(() => restored.close());
    expect(before).toMatchObject({ valid: true, length: 12 });
    await expect(register(restored.dataSource)).resolves.toEqual(before);
    expect(await restored.dataSource.showMigrations()).toBe(false);
    // Still append-only after a restore: the triggers came back with the schema.
    await expect(restored.dataSource.query(`DELETE FROM "decisions" WHERE "seq" = 12`)).rejects.toThrow(/append-only/);
  });

  it('upgrades a database of the previous release, with its data, to this release’s migrations', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    // One embedded database for both connections (an in-memory one ends with its PGlite).
    const embedded = database.databaseUrl ? undefined : openEmbeddedDatabase(database.dataDir);
    if (embedded) cleanups.push(() => embedded.close());
    const lastIndex = MIGRATIONS.findIndex((migration) => migration.name === PREVIOUS_RELEASE_LAST_MIGRATION);
    expect(lastIndex).toBeGreaterThan(0);

    const previous = await open(database, MIGRATIONS.slice(0, lastIndex + 1), embedded);
    await previous.dataSource.runMigrations();
    await writeRegister(previous.dataSource, 5);
    await writeDiscussion(previous.dataSource);
    const before = await register(previous.dataSource);
    const previousContents = await contents(previous.dataSource);
    await previous.close();

    const upgraded = await open(database, MIGRATIONS, embedded);
    cleanups.push(() => upgraded.close());
    const ran = await upgraded.dataSource.runMigrations();

    expect(ran.map((migration) => migration.name)).toEqual(MIGRATIONS.slice(lastIndex + 1).map((migration) => migration.name));
    expect(before).toMatchObject({ valid: true, length: 5 });
    await expect(register(upgraded.dataSource)).resolves.toEqual(before);
    // Every row of the previous release is still there, the discussion word for word.
    expect(previousContents.counts).toMatchObject({ users: 1, documents: 1, decisions: 5, comments: 1, comment_replies: 1, events: 2 });
    await expect(contents(upgraded.dataSource, Object.keys(previousContents.counts))).resolves.toEqual(previousContents);
  });
});
