import { PGlite } from '@electric-sql/pglite';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../test/test-database';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { connectionOptions, openEmbeddedDatabase } from './database-options';
import { MIGRATIONS } from './migrations';

describe('migrations (integration)', () => {
  let database: TestDatabase;
  let pglite: PGlite | undefined;
  let sut: DataSource;

  const tables = async () =>
    (await sut.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map(
      (row: { table_name: string }) => row.table_name,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    pglite = database.databaseUrl ? undefined : openEmbeddedDatabase(database.dataDir);
    sut = new DataSource({ ...connectionOptions(database, pglite && createPgConfig(pglite)), migrationsRun: false });
    await sut.initialize();
  });

  afterAll(async () => {
    if (sut?.isInitialized) await sut.destroy();
    await pglite?.close();
    await database?.drop();
  });

  it('run up on an empty database, all the way down, then up again', async () => {
    expect(await sut.runMigrations()).toHaveLength(MIGRATIONS.length);
    const schema = await tables();
    expect(schema).toEqual(expect.arrayContaining(['federations', 'migrations', 'users']));
    expect(await sut.query(`SELECT count(*)::int AS count FROM federations`)).toEqual([{ count: 5 }]);

    for (let step = 0; step < MIGRATIONS.length; step++) await sut.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
    expect(await sut.showMigrations()).toBe(true);

    expect(await sut.runMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(schema);
    expect(await sut.showMigrations()).toBe(false);
  });
});
