import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  /** DATABASE_URL pointing at the new database, for one or several server instances. */
  url: string;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the PostgreSQL server of `adminUrl` (the environment's
 * DATABASE_URL by default), so each run starts clean and runs the real migrations.
 */
export async function createTestDatabase(adminUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('createTestDatabase needs DATABASE_URL (or an explicit admin URL)');
  const name = `coupole_e2e_${randomBytes(6).toString('hex')}`;
  // The name is ours (hex only), so quoting it is enough; identifiers cannot be bound parameters.
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;

  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends connections a killed server may have left behind (PostgreSQL 13+).
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
