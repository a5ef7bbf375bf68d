// Entry point for the typeorm CLI (`npm run migration:* -w server`, after a build).
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { connectionOptions, openEmbeddedDatabase } from './database-options';

const environment = validateEnvironment(process.env);

export default new DataSource({
  ...connectionOptions(
    { databaseUrl: environment.DATABASE_URL, dataDir: environment.DATA_DIR },
    environment.DATABASE_URL ? undefined : createPgConfig(openEmbeddedDatabase(environment.DATA_DIR)),
  ),
  migrationsRun: false,
  entities: [join(__dirname, '..', '**', '*.entity.js')],
});
