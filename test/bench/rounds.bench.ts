/*
 * Consensus rounds benchmark, loopback only and bounded (a few minutes at most).
 *
 *   npm run bench:rounds -w test                      embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:rounds -w test
 *
 * 1. Positions per second, each acknowledged after its COMMIT (PUT /api/rounds/:id/position
 *    answered), casts spread over several open rounds and the six representatives.
 * 2. Cast-to-tally latency: 1,000 sockets on /live subscribed to one document; a cast is sent and
 *    the time until each watcher receives `round.updated` is measured.
 * 3. Verify time of a 10,000-decision register: the decisions are appended in-process through
 *    DecisionsService.append (so the chain is the real one), then GET /api/decisions/verify.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PASSWORD = 'coupole-demo';
const REPRESENTATIVES = [
  'aleap@demo.coupole.be',
  'caips@demo.coupole.be',
  'caips-suppleant@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
];
const ROUNDS = 10;
const CASTS = 2_000;
const CONCURRENCY = 32;
const WATCHERS = 1_000;
const WATCHED_CASTS = 40;
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
    body: JSON.stringify({ email, password: PASSWORD }),
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
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASTS) {
        const index = next++;
        const t0 = performance.now();
        await call(baseUrl, tokens[index % tokens.length], 'PUT', `/api/rounds/${rounds[index % rounds.length].roundId}/position`, STANCES[index % STANCES.length]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: CASTS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function castToTally(baseUrl: string, watcherToken: string, castToken: string, round: { documentId: string; roundId: string }) {
  const sockets: Socket[] = [];
  let current: { t0: number; seen: Set<number> } | null = null;
  const samples: number[] = [];
  try {
    for (let batch = 0; batch < WATCHERS; batch += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, WATCHERS - batch) }, (_, offset) => {
          const id = batch + offset;
          const socket = io(`${baseUrl}/live`, { auth: { token: watcherToken }, transports: ['websocket'], reconnection: false, forceNew: true });
          sockets.push(socket);
          socket.on('round.updated', (event: { roundId?: string }) => {
            if (!current || event.roundId !== round.roundId || current.seen.has(id)) return;
            current.seen.add(id);
            samples.push(performance.now() - current.t0);
          });
          return new Promise<void>((resolve, reject) => {
            socket.once('connect_error', reject);
            socket.once('connect', () =>
              socket.emit('subscribe', { documentId: round.documentId }, (ack: { ok: boolean; error?: string }) =>
                ack.ok ? resolve() : reject(new Error(`subscribe: ${ack.error}`)),
              ),
            );
          });
        }),
      );
    }
    let missed = 0;
    for (let k = 0; k < WATCHED_CASTS; k++) {
      const seen = new Set<number>();
      current = { t0: performance.now(), seen };
      await call(baseUrl, castToken, 'PUT', `/api/rounds/${round.roundId}/position`, STANCES[k % STANCES.length]);
      const deadline = Date.now() + 3_000;
      while (seen.size < WATCHERS && Date.now() < deadline) await delay(2);
      missed += WATCHERS - seen.size;
      current = null;
      await delay(20);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples), delivered: samples.length, missed };
  } finally {
    for (const socket of sockets) socket.disconnect();
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
    const [document] = await dataSource.query('SELECT "id", "title" FROM "documents" ORDER BY "created_at" LIMIT 1');
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
            version: 1,
            versionId: randomUUID(),
            contentHash: 'a'.repeat(64),
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
    return { appendPerSecond: (DECISIONS - existing) / appendSeconds, verifyMs: percentile(timings, 50), verifyBestMs: Math.min(...timings), result };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const rows: [string, string, string][] = [];
  let server: ServerProcess | undefined;
  try {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    const baseUrl = server.baseUrl;
    const secretariat = await login(baseUrl, 'secretariat@demo.coupole.be');
    const tokens = await Promise.all(REPRESENTATIVES.map((email) => login(baseUrl, email)));
    const rounds: { documentId: string; roundId: string }[] = [];
    for (let index = 0; index < ROUNDS; index++) rounds.push(await openRound(baseUrl, secretariat, index));

    const throughput = await positionsPerSecond(baseUrl, tokens, rounds);
    rows.push([`positions/s (${CASTS} casts, ${CONCURRENCY} in flight, ${ROUNDS} rounds)`, throughput.perSecond.toFixed(0), '≥ 500/s']);
    rows.push(['  ack latency p50 / p99 (ms)', `${throughput.p50.toFixed(1)} / ${throughput.p99.toFixed(1)}`, '']);

    const watched = await openRound(baseUrl, secretariat, ROUNDS);
    const latency = await castToTally(baseUrl, tokens[0], tokens[1], watched);
    rows.push([`cast-to-tally p50 / p99 at ${WATCHERS} watchers (ms)`, `${latency.p50.toFixed(1)} / ${latency.p99.toFixed(1)}`, 'p99 ≤ 50 ms']);
    rows.push(['  max (ms), delivered, missed', `${latency.max.toFixed(1)}, ${latency.delivered}, ${latency.missed}`, '']);
  } finally {
    await server?.stop();
  }

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
    rows.push(['  register valid', String(verify.result.valid), 'true']);
  } finally {
    await database?.drop();
  }

  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\nConsensus rounds benchmark — ${mode}, Node ${process.version}`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(16)}  ${target}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
