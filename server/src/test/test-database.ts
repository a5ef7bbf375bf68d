import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IN_MEMORY_DATA_DIR } from '../config/environment';

/**
 * Where an integration spec's data lives: a fresh PostgreSQL database on the server named by
 * DATABASE_URL (dropped by `drop()`), or else an in-memory embedded database.
 */
export interface TestDatabase {
  databaseUrl?: string;
  dataDir: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const connection = await new DataSource({ type: 'postgres', url: serverUrl, poolSize: 1 }).initialize();
  try {
    await connection.query(sql);
  } finally {
    await connection.destroy();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { dataDir: IN_MEMORY_DATA_DIR, drop: async () => undefined };

  const name = `coupole_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir: IN_MEMORY_DATA_DIR,
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
