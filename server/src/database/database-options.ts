import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { IN_MEMORY_DATA_DIR } from '../config/environment';
import { embeddedDirectory } from './embedded/directory';
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

/** Opens the embedded PostgreSQL in this thread (tests, the migration CLI). */
export function openEmbeddedDatabase(dataDir: string): PGlite {
  const directory = embeddedDirectory(dataDir);
  // PGlite's own mkdir is not recursive.
  if (directory !== IN_MEMORY_DATA_DIR) mkdirSync(directory, { recursive: true });
  // An instance, not a path: PGlite's CommonJS build mishandles the path form here.
  return new PGlite(directory);
}

/** node-postgres options that reach the embedded database (in this thread or in its own). */
export type EmbeddedConnection = object;

/**
 * PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite, which has a single
 * session, hence poolSize 1 (inside a transaction, use only its EntityManager).
 */
export function connectionOptions(location: DatabaseLocation, embedded?: EmbeddedConnection): ConnectionOptions {
  if (location.databaseUrl) return { ...common, url: location.databaseUrl };
  if (!embedded) throw new Error('The embedded database must be opened before connecting to it');
  return {
    ...common,
    poolSize: 1,
    extra: embedded,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
