import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

/**
 * No Docker engine (nor `docker compose config`) on the development machine: the compose file is
 * checked here instead — it parses, every reference resolves, and the backup service's script
 * really produces a dump that pg_restore reads (run against DATABASE_URL's server when set).
 */
const COMPOSE_FILE = join(__dirname, '..', '..', 'docker', 'compose.yml');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  entrypoint?: string[];
  command?: string[] | string;
  depends_on?: Record<string, { condition: string }> | string[];
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

function readCompose(): Compose {
  return parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as Compose;
}

/** What Compose does to `$$` and `${NAME:-default}` before the shell sees the command. */
function interpolate(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Z_]+)(?::?[-?]([^}]*))?\}/g, (match, name: string | undefined, fallback: string | undefined) =>
    match === '$$' ? '$' : (variables[name!] ?? fallback ?? ''),
  );
}

describe('docker/compose.yml', () => {
  it('parses, and every service it depends on and every named volume it mounts is defined', () => {
    const compose = readCompose();
    const services = Object.keys(compose.services);
    expect(services).toEqual(expect.arrayContaining(['postgres', 'redis', 'app1', 'app2', 'proxy', 'backup']));
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, hasImage: Boolean(service.image || service.build) }).toEqual({ name, hasImage: true });
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect(services).toContain(dependency);
      for (const volume of service.volumes ?? []) {
        const source = interpolate(volume, {}).split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/')) expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
    // Every ${…} is well formed (an unclosed one is a Compose error).
    expect(readFileSync(COMPOSE_FILE, 'utf8').match(/\$\{[^}]*$/m)).toBeNull();
  });

  it('has a backup service that dumps the application database in custom format once it is healthy', () => {
    const { services } = readCompose();
    const backup = services.backup;
    const app = services.app1;
    expect(backup.image).toBe(services.postgres.image);
    expect(backup.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(backup.environment).toMatchObject({ PGHOST: 'postgres', PGUSER: 'coupole', PGDATABASE: 'coupole' });
    // The same credentials as the application's DATABASE_URL.
    expect(app.environment?.DATABASE_URL).toBe(`postgres://coupole:${backup.environment?.PGPASSWORD}@postgres:5432/coupole`);
    expect(backup.volumes).toEqual(['${BACKUP_DIR:-./backups}:/backups']);
    expect(String(backup.command)).toContain('pg_dump --format=custom');
  });

  const withPostgres = process.env.DATABASE_URL ? it : it.skip;

  withPostgres('runs the backup service’s script once: a complete dump that pg_restore can read', async () => {
    const { services } = readCompose();
    const backup = services.backup;
    const url = new URL(process.env.DATABASE_URL!);
    const folder = mkdtempSync(join(tmpdir(), 'coupole-compose-backup-'));
    try {
      const script = interpolate((backup.command as string[])[0], { BACKUP_ONCE: '1' }).replaceAll('/backups', folder);
      const environment = Object.fromEntries(Object.entries(backup.environment ?? {}).map(([name, value]) => [name, interpolate(value, { BACKUP_ONCE: '1' })]));
      const { stdout } = await promisify(execFile)('/bin/sh', ['-c', script], {
        env: {
          ...process.env,
          ...environment,
          // The machine's PostgreSQL stands in for the `postgres` service.
          PGHOST: url.hostname,
          PGPORT: url.port || '5432',
          PGUSER: decodeURIComponent(url.username) || 'postgres',
          PGPASSWORD: decodeURIComponent(url.password),
          PGDATABASE: url.pathname.slice(1),
        },
      });
      const dumps = readdirSync(folder);
      expect(dumps).toEqual([expect.stringMatching(/^coupole-\d{8}T\d{6}Z\.dump$/)]);
      expect(stdout).toContain(`backup written: ${join(folder, dumps[0])}`);
      expect(existsSync(join(folder, `${dumps[0]}.partial`))).toBe(false);
      const { stdout: listing } = await promisify(execFile)('pg_restore', ['--list', join(folder, dumps[0])]);
      expect(listing).toContain('Format: CUSTOM');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
