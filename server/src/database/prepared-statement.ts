import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Runs `text` as a named prepared statement on the connection pool: each connection has
 * PostgreSQL parse and plan it once, then only binds and executes it. For a hot statement whose
 * planning costs more than its run (the cast's CTE: ~1.7 ms of a 4.6 ms round trip saved). It
 * runs on its own, outside any transaction; inside one, use the transaction's `EntityManager`.
 * Errors are node-postgres's (`code` is PostgreSQL's SQLSTATE), not TypeORM's `QueryFailedError`.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<Row & object>({ name, text, values });
  return result.rows;
}
