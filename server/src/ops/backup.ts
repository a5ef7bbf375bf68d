import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

/** Where the embedded database keeps its cluster inside DATA_DIR (see openEmbeddedDatabase). */
export function embeddedClusterDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** `pg_dump` in its custom format (compressed, restorable table by table with pg_restore). */
export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${databaseUrl}`]);
}

/**
 * `pg_restore` into the database of `databaseUrl`, in one transaction, stopping at the first
 * error. The database should be new and empty; `replace` drops what the backup holds first.
 */
export async function restorePostgres(databaseUrl: string, file: string, replace = false): Promise<void> {
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`];
  if (replace) args.push('--clean', '--if-exists');
  await run('pg_restore', [...args, file]);
}

/**
 * The embedded cluster as PGlite's tarball, gzipped. The server must be stopped (one process per
 * cluster). Node's zlib compresses rather than PGlite's own gzip (CompressionStream or a dynamic
 * import), and the dump waits until the cluster is up: so the spec finishes under jest in ~40 s,
 * where PGlite's gzip right after opening had not finished in 4 minutes.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  const cluster = embeddedClusterDir(dataDir);
  if (!existsSync(join(cluster, 'PG_VERSION'))) throw new Error(`No embedded database in ${cluster}`);
  const pglite = new PGlite(cluster);
  await pglite.waitReady;
  try {
    const dump = await pglite.dumpDataDir('none');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await promisify(gzip)(Buffer.from(await dump.arrayBuffer())));
  } finally {
    await pglite.close();
  }
}

/**
 * Loads a PGlite tarball as the embedded cluster of `dataDir`. An existing cluster is kept
 * aside (`pglite.before-restore-<time>`) only when `replace` is given; otherwise it is refused.
 */
export async function restoreEmbedded(file: string, dataDir: string, replace = false): Promise<void> {
  const cluster = embeddedClusterDir(dataDir);
  if (existsSync(cluster) && readdirSync(cluster).length > 0) {
    if (!replace) throw new Error(`${cluster} already holds a database: stop the server and pass --replace to set it aside`);
    await rename(cluster, `${cluster}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  await mkdir(cluster, { recursive: true });
  const tarball = await readFile(file);
  // Gzipped (what backupEmbedded writes) or a plain tar (PGlite's own 'none' dump).
  const tar = tarball[0] === 0x1f && tarball[1] === 0x8b ? await promisify(gunzip)(tarball) : tarball;
  const pglite = new PGlite(cluster, { loadDataDir: new Blob([tar]) });
  try {
    await pglite.query('SELECT 1');
  } finally {
    await pglite.close();
  }
}
