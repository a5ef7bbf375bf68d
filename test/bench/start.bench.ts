/*
 * Start (issue #14, item 5): how soon a built server answers, on the embedded database.
 *
 * Prepares one DATA_DIR (a first start runs the migrations and the demo seed, not counted), then
 * starts each entry START_BENCH_RUNS times (default 3), alternating so the machine's load falls
 * on all of them alike, and prints for each start:
 * - wall: from spawning the process to the first `200` of GET /api/health (polled every 10 ms);
 * - CPU at that moment: the whole process, its main thread, and the rest (V8's helper threads
 *   and the embedded database's thread), read from /proc/<pid>/task/<tid>/stat.
 *
 * Entries (START_BENCH_ENTRIES, comma-separated, default all three):
 * - `npm-start`: `npm start` as a user types it in the repository (npm, the build check, the server);
 * - `launch`: `node server/dist/launch.js` (the bundle with its code cache, what npm start runs);
 * - `main`: `node server/dist/main.js` (the unbundled build, every module from node_modules);
 * - `baseline`: `node $START_BENCH_BASELINE`, another build's entry (a before/after in one run).
 *
 *   npm run build && npm run bench:start -w test
 *   START_BENCH_RUNS=5 START_BENCH_ENTRIES=launch,main npm run bench:start -w test
 *   START_BENCH_BASELINE=/elsewhere/server/dist/launch.js START_BENCH_ENTRIES=launch,baseline …
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/server-process';

const REPO = resolve(__dirname, '..', '..');
const RUNS = Number(process.env.START_BENCH_RUNS ?? 3);
const ENTRIES: Record<string, string[]> = {
  'npm-start': ['npm', 'start', '--silent'],
  launch: [process.execPath, join(REPO, 'server', 'dist', 'launch.js')],
  main: [process.execPath, join(REPO, 'server', 'dist', 'main.js')],
  // Another build's launch.js or main.js, for a before/after in one run.
  ...(process.env.START_BENCH_BASELINE ? { baseline: [process.execPath, process.env.START_BENCH_BASELINE] } : {}),
};
const CHOSEN = (process.env.START_BENCH_ENTRIES ?? Object.keys(ENTRIES).join(',')).split(',');
const CLOCK_TICKS = 100;
const HEALTH_TIMEOUT_MS = 120_000;

interface Sample {
  wallMs: number;
  processCpu: number;
  mainCpu: number;
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** CPU seconds of one task (thread) of a process, or of the whole process. */
function cpuSeconds(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', timeout: 1_000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('error', () => resolveStatus(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** The server's pid: the child itself, or for `npm start` the node process npm started. */
function serverPid(child: ChildProcess, port: number): number | undefined {
  if (!child.pid) return undefined;
  const pids = [child.pid, ...descendants(child.pid)];
  return pids.find((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      return /launch\.js|main\.js/.test(cmdline) && environ.includes(`PORT=${port}\0`);
    } catch {
      return false;
    }
  });
}

function descendants(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) found.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

async function startOnce(command: string[], dataDir: string): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    while ((await healthStatus(port)) !== 200) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited (${child.exitCode}) before answering`);
      if (performance.now() - started > HEALTH_TIMEOUT_MS) throw new Error(`${command.join(' ')}: no answer in 2 min`);
      await delay(10);
    }
    const wallMs = performance.now() - started;
    const pid = serverPid(child, port);
    if (!pid) throw new Error('server process not found');
    return { wallMs, processCpu: cpuSeconds(`/proc/${pid}/stat`), mainCpu: cpuSeconds(`/proc/${pid}/task/${pid}/stat`) };
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid, 'SIGTERM');
  const killed = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(killed);
}

const seconds = (value: number) => value.toFixed(2);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const unknown = CHOSEN.filter((name) => !ENTRIES[name]);
  if (unknown.length > 0) throw new Error(`START_BENCH_ENTRIES: unknown entry ${unknown.join(', ')}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'coupole-start-bench-'));
  try {
    console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')}; preparing ${dataDir} (migrations + demo seed)`);
    // npm start's build check, once, so its timed runs find the build up to date.
    if (CHOSEN.includes('npm-start')) spawnSync(process.execPath, [join(REPO, 'scripts', 'build-if-stale.mjs')], { cwd: REPO, stdio: 'inherit' });
    await startOnce(ENTRIES.launch, dataDir);
    await startOnce(ENTRIES.launch, dataDir); // keeps the code cache of a complete start
    const samples = new Map<string, Sample[]>(CHOSEN.map((name) => [name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const name of CHOSEN) {
        const sample = await startOnce(ENTRIES[name], dataDir);
        samples.get(name)!.push(sample);
        console.log(
          `run ${run} ${name.padEnd(9)} wall ${seconds(sample.wallMs / 1000)} s  CPU process ${seconds(sample.processCpu)} s, main thread ${seconds(sample.mainCpu)} s, other threads ${seconds(sample.processCpu - sample.mainCpu)} s`,
        );
      }
    }
    console.log(`\nmedians over ${RUNS} runs (load average now ${loadavg()[0].toFixed(1)}):`);
    console.log('| entry | wall | CPU, process | CPU, main thread |\n|---|---|---|---|');
    for (const [name, list] of samples) {
      console.log(
        `| ${name} | ${seconds(median(list.map((s) => s.wallMs)) / 1000)} s | ${seconds(median(list.map((s) => s.processCpu)))} s | ${seconds(median(list.map((s) => s.mainCpu)))} s |`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
