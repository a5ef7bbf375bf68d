import { join } from 'node:path';
import { validateEnvironment } from '../config/environment';
import { REPO_ROOT } from '../config/paths';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from './backup';

const USAGE = `Usage:
  npm run backup [-- <file>]              PostgreSQL (DATABASE_URL): pg_dump -Fc; embedded: PGlite tarball of DATA_DIR
  npm run restore -- <file> [--replace]   into DATABASE_URL (a new, empty database) or DATA_DIR (stop the server first)`;

async function main([command, ...args]: string[]): Promise<void> {
  const environment = validateEnvironment({ ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? 'x'.repeat(32) });
  const replace = args.includes('--replace');
  const [file] = args.filter((arg) => !arg.startsWith('--'));
  const embedded = environment.DATABASE_URL === undefined;
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = file ?? join(REPO_ROOT, 'backups', `coupole-${stamp}.${embedded ? 'pglite.tar.gz' : 'dump'}`);
    if (embedded) await backupEmbedded(environment.DATA_DIR, target);
    else await backupPostgres(environment.DATABASE_URL!, target);
    console.log(`Backup written to ${target}`);
  } else if (command === 'restore' && file) {
    if (embedded) await restoreEmbedded(file, environment.DATA_DIR, replace);
    else await restorePostgres(environment.DATABASE_URL!, file, replace);
    console.log(`Restored ${file} into ${embedded ? environment.DATA_DIR : 'DATABASE_URL'}; start the server to run any newer migrations.`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
