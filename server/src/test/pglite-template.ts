import { PGlite } from '@electric-sql/pglite';
import { ModuleRef } from '@nestjs/core';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IN_MEMORY_DATA_DIR } from '../config/environment';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { connectionOptions, openEmbeddedDatabase } from '../database/database-options';
import { EmbeddedDatabase } from '../database/embedded-database';

// A fresh in-memory PGlite costs ~5 s per spec file; one migrated once per jest run and
// loaded from its dump costs ~1.5 s. The dump is made by the real migrations of this run.
const TEMPLATE_VARIABLE = 'COUPOLE_TEST_PGLITE_TEMPLATE';

export async function createPgliteTemplate(): Promise<void> {
  const pglite = openEmbeddedDatabase(IN_MEMORY_DATA_DIR);
  const dataSource = new DataSource({ ...connectionOptions({ dataDir: IN_MEMORY_DATA_DIR }, createPgConfig(pglite)), migrationsRun: false });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();

  const file = join(tmpdir(), `coupole-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_VARIABLE] = file;
}

export async function removePgliteTemplate(): Promise<void> {
  const file = process.env[TEMPLATE_VARIABLE];
  if (file) await rm(file, { force: true });
}

export async function readPgliteTemplate(): Promise<Blob | undefined> {
  const file = process.env[TEMPLATE_VARIABLE];
  return file ? new Blob([await readFile(file)]) : undefined;
}

/** The embedded database, started from the migrated template instead of an empty cluster. */
export class TemplatedEmbeddedDatabase extends EmbeddedDatabase {
  constructor(
    moduleRef: ModuleRef,
    private readonly template: Blob,
  ) {
    super(moduleRef);
  }

  protected override create(dataDir: string): PGlite {
    if (dataDir !== IN_MEMORY_DATA_DIR) return super.create(dataDir);
    return new PGlite(IN_MEMORY_DATA_DIR, { loadDataDir: this.template });
  }
}
