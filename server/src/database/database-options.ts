import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { IN_MEMORY_DATA_DIR } from '../config/environment';
import { MIGRATIONS } from './migrations';

export interface DatabaseLocation {
  databaseUrl?: string;
  dataDir: string;
}

export type ConnectionOptions = Omit<PostgresDataSourceOptions, 'entities'>;

const common = {
  type: 'postgres',
  migrations: MIGRATIONS,
  migrationsRun: true,
  migrationsTransactionMode: 'each',
  synchronize: false,
} as const;

/** Opens the embedded PostgreSQL kept in DATA_DIR/pglite (or in memory for tests). */
export function openEmbeddedDatabase(dataDir: string): PGlite {
  if (dataDir === IN_MEMORY_DATA_DIR) return new PGlite(IN_MEMORY_DATA_DIR);
  const directory = join(dataDir, 'pglite');
  // PGlite's own mkdir is not recursive.
  mkdirSync(directory, { recursive: true });
  // An instance, not a path: PGlite's CommonJS build mishandles the path form here.
  return new PGlite(directory);
}

/**
 * PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite instance, which has a
 * single session, hence poolSize 1 (inside a transaction, use only its EntityManager).
 */
export function connectionOptions(location: DatabaseLocation, pglite?: PGlite): ConnectionOptions {
  if (location.databaseUrl) return { ...common, url: location.databaseUrl };
  if (!pglite) throw new Error('The embedded database must be opened before connecting to it');
  return {
    ...common,
    poolSize: 1,
    extra: createPgConfig(pglite),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
