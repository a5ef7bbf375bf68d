import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from './test-database';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/**
 * The built server as `npm start` runs it (the bundle, through launch.js); COUPOLE_SERVER_MAIN
 * points the suite at another build (e.g. a release, or server/dist/main.js unbundled).
 */
export const SERVER_MAIN = process.env.COUPOLE_SERVER_MAIN
  ? resolve(process.env.COUPOLE_SERVER_MAIN)
  : join(REPO_ROOT, 'server', 'dist', 'launch.js');

/** One secret per test run, so several instances accept each other's tokens. */
export const TEST_JWT_SECRET = randomBytes(32).toString('hex');

/**
 * One socket.io Redis channel prefix per spec file (jest loads this module once per file): its
 * instances hear each other, never the servers of another spec or run sharing the Redis.
 */
export const TEST_REDIS_PREFIX = `coupole-test-${randomBytes(6).toString('hex')}`;

const OUTPUT_LIMIT = 200_000;

export interface StartServerOptions {
  /** Extra environment; a key set to undefined is removed from the child's environment. */
  env?: Record<string, string | undefined>;
  /** Defaults to a free port chosen by the OS. */
  port?: number;
  /**
   * Embedded PGlite folder. Defaults to a new temporary folder, deleted by stop(). Ignored when a
   * PostgreSQL database is used.
   */
  dataDir?: string;
  /**
   * PostgreSQL database to use, e.g. one from createTestDatabase() shared by two instances.
   * Without it, a DATABASE_URL in the test environment gets a fresh database for this server
   * (dropped by stop()); with neither, the embedded PGlite is used.
   */
  databaseUrl?: string;
  /** SEED_DEMO=1 unless false. */
  seedDemo?: boolean;
  /** Milliseconds to wait for /api/health; a cold PGlite start takes about 6 s. */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  readonly baseUrl: string;
  readonly port: number;
  /** The PGlite folder, when the embedded database is used. */
  readonly dataDir: string | undefined;
  /** The PostgreSQL URL, when one is used. */
  readonly databaseUrl: string | undefined;
  readonly pid: number | undefined;
  isRunning(): boolean;
  /** Everything the server wrote to stdout and stderr (the last 200 kB), for failure messages. */
  output(): string;
  /** SIGTERM (SIGKILL after 10 s), then deletes the temporary folder or database it created. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks run. Data is kept, so restart() shows what survived. */
  kill(): Promise<void>;
  /** Stops gracefully if still running, then starts again on the same port with the same data. */
  restart(): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  // A crashed or interrupted test run must not leave servers holding ports and data folders.
  for (const child of liveChildren) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

function delay(ms: number) {
  return new Promise((done) => setTimeout(done, ms));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} is missing: run \`npm run build\` at the repository root first`);
  }

  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  // A cold embedded start (migrations + demo seed) takes seconds, many more on a loaded machine;
  // just under jest's hook timeout (120 s), so the server output is what gets reported.
  const startTimeoutMs = options.startTimeoutMs ?? 110_000;

  let ownedDatabase: TestDatabase | undefined;
  let ownedDataDir: string | undefined;
  let databaseUrl = options.databaseUrl;
  let dataDir: string | undefined;
  if (!databaseUrl && process.env.DATABASE_URL) {
    ownedDatabase = await createTestDatabase(process.env.DATABASE_URL);
    databaseUrl = ownedDatabase.url;
  }
  if (!databaseUrl) {
    dataDir = options.dataDir ?? (ownedDataDir = mkdtempSync(join(tmpdir(), 'coupole-e2e-')));
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: options.seedDemo === false ? '0' : '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: TEST_REDIS_PREFIX,
  };
  for (const [key, value] of Object.entries(options.env ?? {})) env[key] = value;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  let output = '';
  let child: ChildProcess | undefined;

  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };

  const failure = (message: string) =>
    new Error(`${message}\n--- server output (${baseUrl}) ---\n${output.slice(-8_000)}`);

  async function launch(): Promise<void> {
    const started = spawn(process.execPath, [SERVER_MAIN], {
      cwd: resolve(SERVER_MAIN, '..', '..', '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    liveChildren.add(started);
    started.stdout?.on('data', append);
    started.stderr?.on('data', append);
    started.once('exit', (code, signal) => {
      liveChildren.delete(started);
      append(Buffer.from(`\n[server process exited: code ${code}, signal ${signal}]\n`));
    });

    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (started.exitCode !== null || started.signalCode !== null) {
        throw failure('the server exited before answering /api/health');
      }
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await delay(200);
    }
    started.kill('SIGKILL');
    await waitForExit(started, 5_000);
    throw failure(`/api/health did not answer 200 within ${startTimeoutMs} ms`);
  }

  async function terminate(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill('SIGTERM');
    if (!(await waitForExit(running, 10_000))) {
      running.kill('SIGKILL');
      await waitForExit(running, 5_000);
    }
  }

  async function release(): Promise<void> {
    if (ownedDataDir) rmSync(ownedDataDir, { recursive: true, force: true });
    ownedDataDir = undefined;
    await ownedDatabase?.drop();
  }

  try {
    await launch();
  } catch (error) {
    await release();
    throw error;
  }

  return {
    baseUrl,
    port,
    dataDir,
    databaseUrl,
    get pid() {
      return child?.pid;
    },
    isRunning: () => Boolean(child && child.exitCode === null && child.signalCode === null),
    output: () => output,
    async stop() {
      await terminate();
      await release();
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      running.kill('SIGKILL');
      await waitForExit(running, 5_000);
    },
    async restart() {
      await terminate();
      await launch();
    },
  };
}

/** Two server processes on one fresh PostgreSQL database (relayed through Redis when REDIS_URL is set). */
export interface TwoInstances {
  database: TestDatabase;
  first: ServerProcess;
  second: ServerProcess;
  /** Stops both servers, then drops the database. */
  stop(): Promise<void>;
}

/**
 * Starts them one after the other: the first runs the migrations and the demo seed, the second
 * (no seed) finds them done. Needs DATABASE_URL: two processes cannot share a PGlite folder.
 */
export async function startTwoInstances(env?: StartServerOptions['env']): Promise<TwoInstances> {
  const database = await createTestDatabase();
  const started: ServerProcess[] = [];
  try {
    started.push(await startServer({ databaseUrl: database.url, env }));
    started.push(await startServer({ databaseUrl: database.url, seedDemo: false, env }));
  } catch (error) {
    await Promise.all(started.map((server) => server.stop()));
    await database.drop();
    throw error;
  }
  const [first, second] = started;
  return {
    database,
    first,
    second,
    async stop() {
      await Promise.all([first.stop(), second.stop()]);
      await database.drop();
    },
  };
}
