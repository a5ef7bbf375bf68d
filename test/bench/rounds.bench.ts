/*
 * Consensus rounds benchmark, loopback only and bounded (a few minutes at most).
 *
 *   npm run bench:rounds -w test                      embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:rounds -w test
 *
 * 1. Positions per second, each acknowledged after its COMMIT (PUT /api/rounds/:id/position
 *    answered), casts spread over several open rounds and the six representatives.
 * 2. Cast-to-screen latency: 1,000 watchers on /live subscribed to one document, each keeping the
 *    round as the browser's round page does (`patch`: fetch once, apply each `round.updated` whose
 *    seq follows, GET the round over HTTP on a gap; `refetch`: the former client, a GET per event);
 *    a cast is sent and the time until each watcher's round includes it is measured, with the HTTP
 *    requests per cast. Then bursts of five federations casting at once (events may cross: gaps),
 *    and every watcher's final seq and tally compared with the server's.
 * 3. Verify time of a 10,000-decision register: the decisions are appended in-process through
 *    DecisionsService.append (so the chain is the real one), then GET /api/decisions/verify.
 *
 * The 1,000 watchers run in a child process (this file, forked with the argument `watchers`) so
 * that the load generator's own CPU does not delay their reception; each process's CPU time is
 * printed, and so is the server's (and its PostgreSQL backends') CPU per cast.
 *
 *   ROUNDS_BENCH_PARTS=casts,tally,verify          which parts to run (all by default)
 *   ROUNDS_BENCH_WATCHERS=refetch,patch             watcher behaviours to measure, in that order
 *   ROUNDS_BENCH_WATCHER_PROCESSES=2                the watchers spread over that many processes (1)
 *   ROUNDS_BENCH_SERVER_NODE_OPTIONS='--max-old-space-size=512'   extra Node options for the server
 *   ROUNDS_BENCH_PROFILE=/tmp/prof                 write the server's CPU profile there (.cpuprofile)
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD, DEMO_REPRESENTATIVES } from '../support/demo-accounts';
import { forkBench } from '../support/forked-bench-process';
import { processStats } from '../support/process-stats';
import { profilerPreload } from '../support/server-profile';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROUNDS = 10;
const CASTS = 2_000;
const CONCURRENCY = 32;
const WATCHERS = 1_000;
const WATCHED_CASTS = 40;
/** Bursts of five federations casting at once, watched in patch mode (their events may cross). */
const BURSTS = 10;
/** The former client's refetch of 1,000 round pages per cast is slow: a few casts tell. */
const REFETCH_CASTS = 5;
/** Processes the watchers are spread over (1: all in one, as before 3 Dec). */
const WATCHER_PROCESSES = Math.max(1, Number(process.env.ROUNDS_BENCH_WATCHER_PROCESSES ?? 1));
const WATCHER_MODES = (process.env.ROUNDS_BENCH_WATCHERS ?? 'refetch,patch').split(',').map((mode) => mode.trim()) as ('patch' | 'refetch')[];
const DECISIONS = 10_000;
const APPEND_BATCH = 500;
const STANCES = [
  { stance: 'agree' },
  { stance: 'reservations', reason: 'Le calendrier reste serré pour les petites ILI.' },
  { stance: 'stand_aside', reason: 'Nous ne bloquons pas.' },
];

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function login(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// The casts go through node:http with keep-alive connections: fetch (undici) costs about twice
// the CPU per request, taken from the same two cores as the server and the database.
const castAgent = new Agent({ keepAlive: true, maxSockets: 64 });

/** PUT over the keep-alive agent; resolves with the answer's text. */
function put(baseUrl: string, token: string, path: string, body: unknown): Promise<string> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      `${baseUrl}${path}`,
      {
        method: 'PUT',
        agent: castAgent,
        headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode === 200) resolve(text);
          else reject(new Error(`PUT ${path}: ${response.statusCode} ${text}`));
        });
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

async function openRound(baseUrl: string, token: string, index: number): Promise<{ documentId: string; roundId: string }> {
  const document = await call(baseUrl, token, 'POST', '/api/documents', {
    title: `Banc d'essai ${index}`,
    kind: 'note_technique',
    markdown: '# Note\n\nUn paragraphe à adopter.\n\nUn second paragraphe.\n',
  });
  const version = await call(baseUrl, token, 'POST', `/api/documents/${document.id}/versions`, {});
  const round = await call(baseUrl, token, 'POST', `/api/documents/${document.id}/rounds`, {
    version: version.number,
    question: 'Adoptons-nous cette note ?',
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return { documentId: document.id, roundId: round.id };
}

async function positionsPerSecond(baseUrl: string, tokens: string[], rounds: { roundId: string }[]) {
  const latencies: number[] = [];
  let next = 0;
  const generatorBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASTS) {
        const index = next++;
        const t0 = performance.now();
        await put(baseUrl, tokens[index % tokens.length], `/api/rounds/${rounds[index % rounds.length].roundId}/position`, STANCES[index % STANCES.length]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorBefore);
  return {
    seconds,
    perSecond: CASTS / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    generatorCpu: (generator.user + generator.system) / 1e6,
  };
}

/** Absolute time in ms with sub-millisecond resolution, comparable between processes of this machine. */
const now = () => performance.timeOrigin + performance.now();

const processCpuSeconds = (pid: number) => processStats(pid).cpuSeconds;

/** CPU seconds of the server process and, on PostgreSQL, of the database backends serving it. */
class CpuMeter {
  private readonly start = new Map<number, number>();

  constructor(private readonly serverPid: number, private readonly databaseUrl: string | undefined) {}

  async begin(): Promise<void> {
    const pids = [this.serverPid];
    if (this.databaseUrl) {
      const client = new Client({ connectionString: this.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        pids.push(...rows.map((row) => row.pid));
      } finally {
        await client.end();
      }
    }
    this.start.clear();
    for (const pid of pids) this.start.set(pid, processCpuSeconds(pid));
  }

  end(): { server: number; database: number } {
    let database = 0;
    let server = 0;
    for (const [pid, before] of this.start) {
      let used = 0;
      try {
        used = processCpuSeconds(pid) - before;
      } catch {
        // A backend that has ended took its CPU time with it.
      }
      if (pid === this.serverPid) server = used;
      else database += used;
    }
    return { server, database };
  }
}

/**
 * How a watcher keeps its round, like the browser's round page:
 *   - `patch` (the client now): the round is fetched once over HTTP; each `round.updated` whose
 *     `seq` follows is applied as it arrives, a later one waits for the ones before it (events of
 *     concurrent casts may cross), an older one is ignored; a `seq` still missing after
 *     GAP_WAIT_MS makes one GET of the round, like the page's refetch.
 *   - `refetch` (the client before): every `round.updated` GETs the whole round.
 * "On screen" is when the watcher's round includes the cast: the event applied, or the GET's
 * answer parsed.
 */
type WatcherMode = 'patch' | 'refetch';
/** As the client's use-live-round.ts. */
const GAP_WAIT_MS = 1_000;

type ToWatchers =
  | { type: 'connect'; baseUrl: string; token: string; documentId: string; roundId: string; count: number; mode: WatcherMode }
  | { type: 'arm'; cast: number; target: number }
  | { type: 'report'; cast: number }
  | { type: 'state' }
  | { type: 'close' };
type FromWatchers =
  | { type: 'connected'; cpu: number }
  | { type: 'armed'; cast: number }
  | { type: 'arrivals'; cast: number; arrivals: number[]; gets: number; cpu: number }
  | { type: 'state'; seqs: number[]; tallies: string[] }
  | { type: 'error'; message: string };

/** Child process side: the 1,000 `/live` sockets, each keeping its round like a round page. */
function runWatchers(): void {
  const sockets: Socket[] = [];
  let armed = -1;
  let target = Infinity;
  let arrivals: number[] = [];
  let gets = 0;
  const send = (message: FromWatchers) => process.send?.(message);
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  // A browser has its own connections; 1,000 of them in one process share a keep-alive pool.
  const agent = new Agent({ keepAlive: true, maxSockets: 200 });
  type Watcher = { seq: number; tally: unknown; shown: boolean; pending: Map<number, unknown>; timer?: NodeJS.Timeout };
  const watchers: Watcher[] = [];
  // Sent once every watcher shows the armed cast, or when the parent gives up waiting.
  const report = () => {
    if (armed < 0) return;
    send({ type: 'arrivals', cast: armed, arrivals, gets, cpu: cpu() });
    armed = -1;
  };
  const shown = (watcher: (typeof watchers)[number], at: number, count: number) => {
    if (armed < 0 || watcher.shown || watcher.seq < target) return;
    watcher.shown = true;
    arrivals.push(at);
    if (arrivals.length === count) report();
  };
  // A keep-alive connection the server closes as it is reused answers ECONNRESET: a browser
  // retries such a GET, so does the watcher.
  const getRound = async (baseUrl: string, token: string, roundId: string, attempt = 0): Promise<{ seq: number; tally: unknown }> => {
    try {
      return await getRoundOnce(baseUrl, token, roundId);
    } catch (error) {
      if (attempt >= 2 || (error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
      return getRound(baseUrl, token, roundId, attempt + 1);
    }
  };
  const getRoundOnce = (baseUrl: string, token: string, roundId: string): Promise<{ seq: number; tally: unknown }> =>
    new Promise((resolve, reject) => {
      const sent = httpRequest(`${baseUrl}/api/rounds/${roundId}`, { agent, headers: { Authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return reject(new Error(`GET round: ${response.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString()) as { seq: number; tally: unknown });
        });
        response.on('error', reject);
      });
      sent.on('error', reject);
      sent.end();
    });
  process.on('message', async (message: ToWatchers) => {
    try {
      if (message.type === 'connect') {
        const { baseUrl, token, roundId, count, mode } = message;
        const refetch = async (watcher: Watcher) => {
          gets++;
          const round = await getRound(baseUrl, token, roundId);
          if (round.seq >= watcher.seq) {
            watcher.seq = round.seq;
            watcher.tally = round.tally;
          }
          drain(watcher, now());
        };
        // Applies the kept events that follow, in order; a hole still there after GAP_WAIT_MS refetches.
        const drain = (watcher: Watcher, at: number) => {
          while (watcher.pending.has(watcher.seq + 1)) {
            watcher.tally = watcher.pending.get(watcher.seq + 1);
            watcher.pending.delete(++watcher.seq);
          }
          for (const seq of watcher.pending.keys()) if (seq <= watcher.seq) watcher.pending.delete(seq);
          shown(watcher, at, count);
          if (watcher.pending.size === 0) {
            clearTimeout(watcher.timer);
            watcher.timer = undefined;
          } else if (!watcher.timer && mode === 'patch') {
            watcher.timer = setTimeout(() => {
              watcher.timer = undefined;
              if (watcher.pending.size > 0) refetch(watcher).catch((error) => send({ type: 'error', message: String(error) }));
            }, GAP_WAIT_MS);
          }
        };
        for (let batch = 0; batch < count; batch += 100) {
          await Promise.all(
            Array.from({ length: Math.min(100, count - batch) }, async () => {
              const socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
              sockets.push(socket);
              const watcher: Watcher = { seq: 0, tally: null, shown: false, pending: new Map() };
              watchers.push(watcher);
              socket.on('round.updated', (event: { roundId?: string; payload: { seq: number; tally: unknown } }) => {
                const at = now();
                if (event.roundId !== roundId) return;
                if (mode === 'refetch') {
                  refetch(watcher).catch((error) => send({ type: 'error', message: String(error) }));
                  return;
                }
                if (event.payload.seq <= watcher.seq) return;
                watcher.pending.set(event.payload.seq, event.payload.tally);
                drain(watcher, at);
              });
              await new Promise<void>((resolve, reject) => {
                socket.once('connect_error', reject);
                socket.once('connect', () =>
                  socket.emit('subscribe', { documentId: message.documentId }, (ack: { ok: boolean; error?: string }) =>
                    ack.ok ? resolve() : reject(new Error(`subscribe: ${ack.error}`)),
                  ),
                );
              });
              // The page loads the round once it is open (not counted per cast).
              const round = await getRound(baseUrl, token, roundId);
              watcher.seq = round.seq;
              watcher.tally = round.tally;
            }),
          );
        }
        send({ type: 'connected', cpu: cpu() });
      } else if (message.type === 'arm') {
        armed = message.cast;
        target = message.target;
        arrivals = [];
        gets = 0;
        for (const watcher of watchers) watcher.shown = false;
        send({ type: 'armed', cast: armed });
      } else if (message.type === 'report') {
        report();
      } else if (message.type === 'state') {
        send({ type: 'state', seqs: watchers.map((watcher) => watcher.seq), tallies: watchers.map((watcher) => JSON.stringify(watcher.tally)) });
      } else if (message.type === 'close') {
        for (const socket of sockets) socket.disconnect();
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'error', message: String(error) });
    }
  });
}

function request(child: ChildProcess, message: ToWatchers | null, answer: FromWatchers['type']): Promise<FromWatchers> {
  return new Promise((resolve, reject) => {
    const listener = (reply: FromWatchers) => {
      if (reply.type === 'error') {
        child.off('message', listener);
        reject(new Error(reply.message));
      } else if (reply.type === answer) {
        child.off('message', listener);
        resolve(reply);
      }
    };
    child.on('message', listener);
    if (message) child.send(message);
  });
}

/** PUT as `put` does, returning the answer's `seq`. */
async function putSeq(baseUrl: string, token: string, path: string, body: unknown): Promise<number> {
  return (JSON.parse(await put(baseUrl, token, path, body)) as { seq: number }).seq;
}

/**
 * Casts while `WATCHERS` watchers of `mode` keep the round: `casts` one at a time, then (patch
 * mode) `bursts` of five federations casting at once, whose events may cross on the way and make
 * gaps. Ends by comparing each watcher's round with the server's.
 */
async function castToScreen(
  baseUrl: string,
  watcherToken: string,
  castTokens: string[],
  round: { documentId: string; roundId: string },
  mode: WatcherMode,
  { casts, bursts }: { casts: number; bursts: number },
  connected: () => Promise<void>,
) {
  // The watchers split over WATCHER_PROCESSES children (browsers are not one process); each
  // reports its own arrivals, and a cast is measured once every child has reported.
  const shares = Array.from({ length: WATCHER_PROCESSES }, (_, i) => Math.floor(WATCHERS / WATCHER_PROCESSES) + (i < WATCHERS % WATCHER_PROCESSES ? 1 : 0));
  const children = shares.map(() => forkBench(__filename, ['watchers'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const all = <T extends FromWatchers>(message: (i: number) => ToWatchers | null, answer: FromWatchers['type']) =>
    Promise.all(children.map((child, i) => request(child, message(i), answer) as Promise<T>));
  const single: number[] = [];
  const burst: number[] = [];
  let missed = 0;
  const gets = { single: 0, burst: 0 };
  const puts = { single: 0, burst: 0 };
  let watcherCpu = 0;
  let seq = 0;
  const waitMs = mode === 'refetch' ? 60_000 : 5_000;
  try {
    type Connected = Extract<FromWatchers, { type: 'connected' }>;
    type Arrivals = Extract<FromWatchers, { type: 'arrivals' }>;
    const ready = await all<Connected>((i) => ({ type: 'connect', baseUrl, token: watcherToken, ...round, count: shares[i], mode }), 'connected');
    const cpuBefore = ready.map((child) => child.cpu);
    await connected();
    const generatorBefore = process.cpuUsage();
    const started = performance.now();
    for (let k = 0; k < casts + bursts; k++) {
      const size = k < casts ? 1 : castTokens.length;
      await all(() => ({ type: 'arm', cast: k, target: seq + size }), 'armed');
      const reported = all<Arrivals>(() => null, 'arrivals');
      const t0 = now();
      const seqs = await Promise.all(
        Array.from({ length: size }, (_, i) =>
          putSeq(baseUrl, size === 1 ? castTokens[0] : castTokens[i], `/api/rounds/${round.roundId}/position`, STANCES[(k + i) % STANCES.length]),
        ),
      );
      puts[size === 1 ? 'single' : 'burst'] += size;
      seq = Math.max(seq, ...seqs);
      const timer = setTimeout(() => children.forEach((child) => child.send({ type: 'report', cast: k } satisfies ToWatchers)), waitMs);
      const reports = await reported;
      clearTimeout(timer);
      const arrivals = reports.flatMap((report) => report.arrivals);
      (size === 1 ? single : burst).push(...arrivals.map((at) => at - t0));
      missed += Math.max(0, WATCHERS - arrivals.length);
      gets[size === 1 ? 'single' : 'burst'] += reports.reduce((sum, report) => sum + report.gets, 0);
      watcherCpu = reports.reduce((sum, report, i) => sum + report.cpu - cpuBefore[i], 0);
      await delay(20);
    }
    const seconds = (performance.now() - started) / 1000;
    const generator = process.cpuUsage(generatorBefore);
    // Let a gap's wait and the refetches in flight end, then compare every watcher with the server.
    await delay(GAP_WAIT_MS + 1_000);
    const states = await all<Extract<FromWatchers, { type: 'state' }>>(() => ({ type: 'state' }), 'state');
    const state = { seqs: states.flatMap((one) => one.seqs), tallies: states.flatMap((one) => one.tallies) };
    const stored = await call(baseUrl, watcherToken, 'GET', `/api/rounds/${round.roundId}`);
    const equal = state.seqs.filter((watched, i) => watched === stored.seq && state.tallies[i] === JSON.stringify(stored.tally)).length;
    return {
      p50: percentile(single, 50),
      p99: percentile(single, 99),
      max: Math.max(...single),
      burstP50: percentile(burst, 50),
      burstP99: percentile(burst, 99),
      delivered: single.length + burst.length,
      missed,
      puts,
      gets,
      castGroups: casts + bursts,
      seconds,
      equal,
      storedSeq: stored.seq as number,
      watcherCpu,
      generatorCpu: (generator.user + generator.system) / 1e6,
    };
  } finally {
    for (const child of children) child.send({ type: 'close' } satisfies ToWatchers);
    await Promise.all(children.map((child) => new Promise((done) => child.once('exit', done))));
  }
}

/** Boots the built server in this process to append decisions through DecisionsService itself. */
async function verifyTenThousand(databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'coupole-bench-rounds-'));
  Object.assign(process.env, { DATA_DIR: dataDir, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', SEED_DEMO: '1', LOG_LEVEL: 'warn' });
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
  const server = join(REPO_ROOT, 'server', 'dist');
  const { createApp } = require(join(server, 'app')) as { createApp: () => Promise<any> };
  const { DecisionsService } = require(join(server, 'decisions', 'decisions.service'));
  const { DataSource } = require(require.resolve('typeorm', { paths: [join(REPO_ROOT, 'server')] }));
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  try {
    const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const dataSource = app.get(DataSource);
    const decisions = app.get(DecisionsService);
    // A frozen version of a demo document: each record names it with its real hash, so verify
    // checks every decided text and answers valid (a made-up hash would fail at the first record).
    const [document] = await dataSource.query(
      `SELECT "d"."id", "d"."title", "v"."id" AS "version_id", "v"."number", "v"."content_hash"
       FROM "versions" "v" JOIN "documents" "d" ON "d"."id" = "v"."document_id" ORDER BY "v"."created_at" LIMIT 1`,
    );
    const [{ count: existing }] = await dataSource.query('SELECT count(*)::int AS count FROM "decisions"');
    const participants = ['aleap', 'caips', 'codef', 'fdss', 'risome'];
    const appendStarted = performance.now();
    for (let done = existing; done < DECISIONS; ) {
      const size = Math.min(APPEND_BATCH, DECISIONS - done);
      await dataSource.transaction(async (manager: unknown) => {
        for (let i = 0; i < size; i++) {
          const closedAt = new Date(Date.now() - (DECISIONS - done - i) * 60_000).toISOString();
          await decisions.append(manager, {
            roundId: randomUUID(),
            roundNumber: done + i + 1,
            documentId: document.id,
            documentTitle: document.title,
            version: document.number,
            versionId: document.version_id,
            contentHash: document.content_hash,
            question: 'Adoptons-nous cette note propositionnelle ?',
            rule: 'consensus',
            outcome: i % 7 === 0 ? 'adopted_with_reservations' : 'adopted',
            closeCause: 'deadline',
            participants,
            positions: participants.map((federation, index) => ({
              federation,
              stance: i % 7 === 0 && index === 3 ? 'reservations' : 'agree',
              reason: i % 7 === 0 && index === 3 ? "Nous aurions voulu une demande chiffrée pour l'accompagnement social." : null,
              paragraphs: [],
              amendment: null,
              noAmendmentPossible: false,
              castBy: { id: randomUUID(), displayName: `Représentant·e ${federation}`, mandate: 'titular' },
              castAt: closedAt,
            })),
            objections: [],
            closedAt,
            closedBy: null,
          });
        }
      });
      done += size;
    }
    const appendSeconds = (performance.now() - appendStarted) / 1000;
    const token = await login(baseUrl, 'secretariat@demo.coupole.be');
    const timings: number[] = [];
    let result: any;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      result = await call(baseUrl, token, 'GET', '/api/decisions/verify');
      timings.push(performance.now() - t0);
    }
    // Where verify's time goes: reading the register alone (rows with their parsed jsonb record).
    const readStarted = performance.now();
    await dataSource.query('SELECT "seq", "record", "prev_hash", "hash" FROM "decisions" ORDER BY "seq"');
    const readMs = performance.now() - readStarted;
    return { appendPerSecond: (DECISIONS - existing) / appendSeconds, verifyMs: percentile(timings, 50), verifyBestMs: Math.min(...timings), readMs, result };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const PARTS = new Set((process.env.ROUNDS_BENCH_PARTS ?? 'casts,tally,verify').split(',').map((part) => part.trim()));

async function main() {
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const rows: [string, string, string][] = [];
  const ms = (seconds: number, count: number) => `${((seconds * 1000) / count).toFixed(2)}`;
  let server: ServerProcess | undefined;
  try {
    if (PARTS.has('casts') || PARTS.has('tally')) {
      const profile = process.env.ROUNDS_BENCH_PROFILE;
      const nodeOptions = [process.env.ROUNDS_BENCH_SERVER_NODE_OPTIONS, profile ? `--require ${profilerPreload(profile)}` : undefined]
        .filter(Boolean)
        .join(' ');
      server = await startServer({ env: { LOG_LEVEL: 'warn', ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) } });
      const baseUrl = server.baseUrl;
      const meter = new CpuMeter(server.pid!, server.databaseUrl);
      const secretariat = await login(baseUrl, 'secretariat@demo.coupole.be');
      const tokens = await Promise.all(DEMO_REPRESENTATIVES.map((email) => login(baseUrl, email)));

      if (PARTS.has('casts')) {
        const rounds: { documentId: string; roundId: string }[] = [];
        for (let index = 0; index < ROUNDS; index++) rounds.push(await openRound(baseUrl, secretariat, index));
        await meter.begin();
        const throughput = await positionsPerSecond(baseUrl, tokens, rounds);
        const cpu = meter.end();
        rows.push([`positions/s (${CASTS} casts, ${CONCURRENCY} in flight, ${ROUNDS} rounds)`, throughput.perSecond.toFixed(0), '≥ 500/s']);
        rows.push(['  ack latency p50 / p99 (ms)', `${throughput.p50.toFixed(1)} / ${throughput.p99.toFixed(1)}`, '']);
        rows.push([
          '  CPU ms per cast: server / database / load generator',
          `${ms(cpu.server, CASTS)} / ${server.databaseUrl ? ms(cpu.database, CASTS) : 'in server'} / ${ms(throughput.generatorCpu, CASTS)}`,
          '',
        ]);
        rows.push(['  server CPU busy (% of one core)', (100 * cpu.server / throughput.seconds).toFixed(0), '']);
      }

      if (PARTS.has('tally')) {
        const castTokens = [tokens[0], tokens[1], tokens[3], tokens[4], tokens[5]];
        for (const mode of WATCHER_MODES) {
          const watched = await openRound(baseUrl, secretariat, ROUNDS + (mode === 'patch' ? 1 : 2));
          const plan = mode === 'patch' ? { casts: WATCHED_CASTS, bursts: BURSTS } : { casts: REFETCH_CASTS, bursts: 0 };
          const result = await castToScreen(baseUrl, tokens[0], mode === 'patch' ? castTokens : [tokens[1]], watched, mode, plan, () => meter.begin());
          const cpu = meter.end();
          const casts = result.puts.single + result.puts.burst;
          rows.push([
            `[${mode}] cast-to-screen p50 / p99 at ${WATCHERS} watchers, ${plan.casts} single casts (ms)`,
            `${result.p50.toFixed(1)} / ${result.p99.toFixed(1)}`,
            'p99 ≤ 50 ms',
          ]);
          rows.push([
            `[${mode}]   HTTP requests per single cast (PUT + ${result.gets.single} GETs of the round for ${result.puts.single} casts)`,
            ((result.puts.single + result.gets.single) / result.puts.single).toFixed(2),
            '≤ 1.1 + gaps',
          ]);
          if (plan.bursts > 0) {
            rows.push([
              `[${mode}]   ${plan.bursts} bursts of 5 federations at once: last cast on screen p50 / p99 (ms)`,
              `${result.burstP50.toFixed(1)} / ${result.burstP99.toFixed(1)}`,
              '',
            ]);
            rows.push([
              `[${mode}]   HTTP requests per burst cast (PUT + ${result.gets.burst} GETs for ${result.puts.burst} casts)`,
              ((result.puts.burst + result.gets.burst) / result.puts.burst).toFixed(2),
              '≤ 1.1 + gaps',
            ]);
          }
          rows.push([`[${mode}]   max (ms), watcher-casts shown, not shown in time`, `${result.max.toFixed(1)}, ${result.delivered}, ${result.missed}`, '']);
          rows.push([
            `[${mode}]   watchers equal to the server at the end (seq ${result.storedSeq}, tally)`,
            `${result.equal} / ${WATCHERS}`,
            `${WATCHERS} / ${WATCHERS}`,
          ]);
          rows.push([
            `[${mode}]   CPU ms per cast: server / watchers (${WATCHER_PROCESSES} process${WATCHER_PROCESSES > 1 ? 'es' : ''}) / generator`,
            `${ms(cpu.server, casts)} / ${ms(result.watcherCpu, casts)} / ${ms(result.generatorCpu, casts)}`,
            '',
          ]);
          if (server.databaseUrl) rows.push([`[${mode}]   PostgreSQL backends' CPU ms per cast`, ms(cpu.database, casts), '']);
        }
      }
    }
  } finally {
    await server?.stop();
  }

  if (PARTS.has('verify')) {
    let database: TestDatabase | undefined;
    try {
      database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
      const verify = await verifyTenThousand(database?.url);
      rows.push([`append via DecisionsService (decisions/s)`, verify.appendPerSecond.toFixed(0), '']);
      rows.push([
        `GET /api/decisions/verify, ${verify.result.length} decisions (ms, median of 3 / best)`,
        `${verify.verifyMs.toFixed(0)} / ${verify.verifyBestMs.toFixed(0)}`,
        '≤ 1000 ms',
      ]);
      rows.push(['  of which reading the register in one query (ms)', verify.readMs.toFixed(0), '']);
      rows.push(['  register valid', String(verify.result.valid), 'true']);
    } finally {
      await database?.drop();
    }
  }

  const width = Math.max(...rows.map((row) => row[0].length));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nConsensus rounds benchmark — ${mode}, Node ${process.version}, load average ${load}`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(20)}  ${target}`);
  process.exit(0);
}

if (process.argv[2] === 'watchers') {
  runWatchers();
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
