/*
 * Live co-editing benchmark: N simulated editors per document typing at a fixed rate, against a
 * freshly started server (loopback only, each scenario bounded in time, the whole run < 5 min).
 *
 *   npm run bench:collab -w test                                  embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:collab -w test        PostgreSQL (a fresh database)
 *   BENCH_SCENARIOS=50,200 BENCH_WORKERS=2 BENCH_SECONDS=15 …     narrower runs
 *   BENCH_SKIP_OPEN=1 (no 10,000-update open), BENCH_SERVER_LOG=/tmp/server.log (its output)
 *
 * The simulated editors are spread over BENCH_WORKERS child processes (default 2), so that the
 * load generator is not the bottleneck it becomes when one process decodes ~20,000 messages a
 * second; each process's CPU is reported. Every edit types a word carrying its id and the time
 * it was typed (` w<editor>n<seq>t<ms>`, ms = performance.timeOrigin + performance.now(), a
 * clock shared by the processes of one machine): a receiver reads the words of each relayed
 * update, counts each edit once (by id) and its propagation latency. Only relayed updates
 * count, never the whole state sent on a (re)join.
 *
 * Prints, per scenario: edit-propagation p50/p95/p99, durable-ack p50/p99, delivery ratio,
 * final-state equality across clients and with the database, server CPU and RSS, load
 * generator CPU, and the server's own timings (relay, write, batch size, event-loop delay)
 * from its collab metrics (LOG_LEVEL=debug). Then the time to open a document whose body is
 * 10,000 updates: stored as 10,000 rows never compacted (worst case, rows written straight
 * into the database), and as typed through the server (compacted in the background).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { BODY_FRAGMENT, CollabClient, fragmentText, login } from '../support/collab-client';
import { DEMO_REPRESENTATIVES } from '../support/demo-accounts';
import { ForkedBenchProcess } from '../support/forked-bench-process';
import { processStats } from '../support/process-stats';
import { startServer, type ServerProcess } from '../support/server-process';

interface Scenario {
  editors: number;
  documents: number;
  /** Edits per second per editor. */
  rate: number;
}

/** 10 editors on each of 3 documents; 50 and 200 on one document (the issue's targets). */
const ALL_SCENARIOS: Scenario[] = [
  { editors: 10, documents: 3, rate: 2 },
  { editors: 50, documents: 1, rate: 1 },
  { editors: 200, documents: 1, rate: 0.5 },
];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 2));
/** Editors per document that apply every remote update as it arrives (the rest at the end). */
const LIVE_APPLIERS = 5;
const EDITOR_ACCOUNTS = [...DEMO_REPRESENTATIVES, 'secretariat@demo.coupole.be'];
const EDIT_WORD = /w(\d+)n(\d+)t(\d+\.\d+)/g;

// ---------------------------------------------------------------------------------------------
// Messages between the coordinator and its workers.

interface EditorPlan {
  /** Global editor number, unique in the scenario. */
  editor: number;
  documentId: string;
  token: string;
  applyLive: boolean;
}

type ToWorker =
  | { type: 'connect'; baseUrl: string; editors: EditorPlan[] }
  | { type: 'type'; startAt: number; seconds: number; rate: number; editorsPerDocument: number }
  | { type: 'settle'; expected: Record<string, number> }
  | { type: 'quit' };

interface WorkerReport {
  /** Edits typed, per document. */
  typed: Record<string, number>;
  /** Edits typed per editor (to know what each receiver should get). */
  typedBy: Record<number, number>;
  propagation: number[];
  /** Distinct edits received, per editor (own edits excluded). */
  received: Record<number, number>;
  ackLatencies: number[];
  /** Per document, the distinct final texts of this worker's clients. */
  texts: Record<string, string[]>;
  cpuSeconds: number;
  elapsedSeconds: number;
  unacknowledged: number;
}

type FromWorker = { type: 'connected' } | { type: 'typed'; typed: Record<string, number> } | { type: 'report'; report: WorkerReport };

function now(): number {
  return performance.timeOrigin + performance.now();
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

// ---------------------------------------------------------------------------------------------
// Worker: some of the simulated editors.

async function runWorker(): Promise<void> {
  const send = (message: FromWorker) => process.send!(message);
  const clients: Array<{ plan: EditorPlan; client: CollabClient; seen: Set<string>; typed: number }> = [];
  const propagation: number[] = [];
  let cpuAtStart = process.cpuUsage();
  let startedAt = now();

  const onMessage = async (message: ToWorker) => {
    if (message.type === 'connect') {
      for (let index = 0; index < message.editors.length; index += 20) {
        const batch = message.editors.slice(index, index + 20);
        const connected = await Promise.all(
          batch.map(async (plan) => {
            const entry = { plan, client: undefined as unknown as CollabClient, seen: new Set<string>(), typed: 0 };
            entry.client = await CollabClient.connect(message.baseUrl, plan.token, plan.documentId, {
              applyRemote: plan.applyLive,
              onRemoteUpdate: (update, receivedAt, kind) => {
                if (kind !== 'update') return;
                const at = performance.timeOrigin + receivedAt;
                for (const struct of Y.decodeUpdate(update).structs) {
                  const content = struct instanceof Y.Item ? (struct.content as { str?: unknown }) : undefined;
                  if (typeof content?.str !== 'string') continue;
                  for (const match of content.str.matchAll(EDIT_WORD)) {
                    const id = `${match[1]}:${match[2]}`;
                    if (Number(match[1]) === plan.editor || entry.seen.has(id)) continue;
                    entry.seen.add(id);
                    propagation.push(at - Number(match[3]));
                  }
                }
              },
            });
            return entry;
          }),
        );
        clients.push(...connected);
      }
      send({ type: 'connected' });
    } else if (message.type === 'type') {
      const intervalMs = 1000 / message.rate;
      const endAt = message.startAt + message.seconds * 1000;
      await delay(Math.max(0, message.startAt - now()));
      cpuAtStart = process.cpuUsage();
      startedAt = now();
      const timers: NodeJS.Timeout[] = [];
      for (const entry of clients) {
        // Phases spread evenly over the interval, by the editor's place in its document.
        const phase = ((entry.plan.editor % message.editorsPerDocument) / message.editorsPerDocument) * intervalMs;
        const tick = () => {
          if (now() >= endAt) return;
          entry.client.type(` w${entry.plan.editor}n${entry.typed++}t${now().toFixed(3)}`);
        };
        timers.push(
          setTimeout(() => {
            tick();
            timers.push(setInterval(tick, intervalMs));
          }, phase),
        );
      }
      await delay(Math.max(0, endAt - now()) + 50);
      for (const timer of timers) clearInterval(timer);
      await Promise.all(clients.map((entry) => entry.client.waitForAcks(30_000).catch(() => undefined)));
      const typed: Record<string, number> = {};
      for (const entry of clients) typed[entry.plan.documentId] = (typed[entry.plan.documentId] ?? 0) + entry.typed;
      send({ type: 'typed', typed });
    } else if (message.type === 'settle') {
      // Wait until every receiver has every other editor's edit, or 15 s.
      const want = (entry: (typeof clients)[number]) => message.expected[entry.plan.documentId] - entry.typed;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && clients.some((entry) => entry.seen.size < want(entry))) await delay(100);
      const cpu = process.cpuUsage(cpuAtStart);
      const texts: Record<string, Set<string>> = {};
      for (const entry of clients) {
        entry.client.applyReceived();
        (texts[entry.plan.documentId] ??= new Set()).add(entry.client.text());
      }
      const report: WorkerReport = {
        typed: {},
        typedBy: Object.fromEntries(clients.map((entry) => [entry.plan.editor, entry.typed])),
        propagation,
        received: Object.fromEntries(clients.map((entry) => [entry.plan.editor, entry.seen.size])),
        ackLatencies: clients.flatMap((entry) => entry.client.ackLatencies),
        texts: Object.fromEntries(Object.entries(texts).map(([id, set]) => [id, [...set]])),
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        elapsedSeconds: (now() - startedAt) / 1000,
        unacknowledged: clients.reduce((sum, entry) => sum + entry.client.pending.size, 0),
      };
      for (const entry of clients) report.typed[entry.plan.documentId] = (report.typed[entry.plan.documentId] ?? 0) + entry.typed;
      send({ type: 'report', report });
    } else {
      for (const entry of clients) entry.client.close();
      process.exit(0);
    }
  };
  process.on('message', (message: ToWorker) => {
    onMessage(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Coordinator.

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function api<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function createDocument(baseUrl: string, token: string, title: string): Promise<string> {
  return api<{ id: string }>(baseUrl, token, 'POST', '/documents', { title, kind: 'note_technique', markdown: 'Texte de départ.' }).then(
    (document) => document.id,
  );
}

interface ServerMetrics {
  relay?: { p50: number; p99: number; n: number };
  broadcast?: { p50: number; p99: number; n: number };
  broadcastUpdates?: { p50: number; p99: number; max: number };
  durable?: { p50: number; p99: number };
  queued?: { p50: number; p99: number };
  write?: { p50: number; p99: number; n: number };
  batchRows?: { p50: number; p99: number; max: number };
  compaction?: { n: number; p50: number; max: number };
  eventLoopDelay?: { p50: number; p99: number; max: number };
  load?: { n: number; p50: number; max: number };
  permissionLookups?: number;
}

/** The server's collab-metrics lines written since `from` (an offset in its output). */
function serverMetrics(server: ServerProcess, from: number): ServerMetrics[] {
  const lines = server.output().slice(from).split('\n');
  const found: ServerMetrics[] = [];
  for (const line of lines) {
    if (!line.includes('collab-metrics ')) continue;
    try {
      const message = (JSON.parse(line) as { msg: string }).msg;
      found.push(JSON.parse(message.slice(message.indexOf('{'))) as ServerMetrics);
    } catch {
      // A line cut by the output buffer: skipped.
    }
  }
  return found;
}

interface Row {
  scenario: string;
  edits: number;
  propagation: [number, number, number];
  ack: [number, number];
  delivery: number;
  converged: boolean;
  databaseMatches: boolean;
  serverCpu: number;
  serverRssMb: number;
  workerCpu: number[];
  unacknowledged: number;
  metrics: ServerMetrics[];
}

async function runScenario(server: ServerProcess, tokens: string[], secretariat: string, scenario: Scenario): Promise<Row> {
  const name = `${scenario.editors} editors × ${scenario.documents} document${scenario.documents > 1 ? 's' : ''}`;
  const documents: string[] = [];
  for (let index = 0; index < scenario.documents; index++) {
    documents.push(await createDocument(server.baseUrl, secretariat, `Banc d’essai ${name} n° ${index + 1}`));
  }
  const plans: EditorPlan[] = [];
  for (const [documentIndex, documentId] of documents.entries()) {
    for (let place = 0; place < scenario.editors; place++) {
      plans.push({
        editor: documentIndex * scenario.editors + place,
        documentId,
        token: tokens[place % tokens.length],
        applyLive: place < LIVE_APPLIERS,
      });
    }
  }
  const workers = Array.from({ length: WORKERS }, () => new ForkedBenchProcess<ToWorker, FromWorker>(__filename, 120_000));
  try {
    await Promise.all(
      workers.map((worker, index) =>
        worker.request({ type: 'connect', baseUrl: server.baseUrl, editors: plans.filter((_, at) => at % WORKERS === index) }),
      ),
    );
    const outputMark = server.output().length;
    const serverBefore = processStats(server.pid!);
    const startAt = now() + 500;
    const typedAnswers = await Promise.all(
      workers.map((worker) =>
        worker.request({ type: 'type', startAt, seconds: SECONDS, rate: scenario.rate, editorsPerDocument: scenario.editors }),
      ),
    );
    const serverAfter = processStats(server.pid!);
    const elapsed = (now() - startAt) / 1000;
    const expected: Record<string, number> = {};
    for (const answer of typedAnswers) {
      if (answer.type !== 'typed') throw new Error(`unexpected ${answer.type}`);
      for (const [documentId, count] of Object.entries(answer.typed)) expected[documentId] = (expected[documentId] ?? 0) + count;
    }
    const reports = (await Promise.all(workers.map((worker) => worker.request({ type: 'settle', expected })))).map((answer) => {
      if (answer.type !== 'report') throw new Error(`unexpected ${answer.type}`);
      return answer.report;
    });

    // Each receiver should get every edit of its document but its own, exactly once.
    let shouldReceive = 0;
    let received = 0;
    for (const report of reports) {
      for (const [editor, count] of Object.entries(report.received)) {
        const plan = plans[Number(editor)];
        shouldReceive += expected[plan.documentId] - report.typedBy[Number(editor)];
        received += count;
      }
    }
    await delay(2_500); // the Markdown cache is refreshed 2 s after the last edit; GET reads the log
    let converged = true;
    let databaseMatches = true;
    for (const documentId of documents) {
      const texts = new Set(reports.flatMap((report) => report.texts[documentId] ?? []));
      if (texts.size !== 1) converged = false;
      const [text] = [...texts];
      const detail = await api<{ markdown: string }>(server.baseUrl, secretariat, 'GET', `/documents/${documentId}`);
      if (detail.markdown.replace(/\s+/g, ' ').trim() !== text.replace(/\s+/g, ' ').trim()) databaseMatches = false;
    }
    return {
      scenario: name,
      edits: Object.values(expected).reduce((sum, count) => sum + count, 0),
      propagation: [50, 95, 99].map((p) => percentile(reports.flatMap((report) => report.propagation), p)) as [number, number, number],
      ack: [50, 99].map((p) => percentile(reports.flatMap((report) => report.ackLatencies), p)) as [number, number],
      delivery: shouldReceive === 0 ? 1 : received / shouldReceive,
      converged,
      databaseMatches,
      serverCpu: (serverAfter.cpuSeconds - serverBefore.cpuSeconds) / elapsed,
      serverRssMb: serverAfter.rssBytes / 1024 / 1024,
      workerCpu: reports.map((report) => report.cpuSeconds / report.elapsedSeconds),
      unacknowledged: reports.reduce((sum, report) => sum + report.unacknowledged, 0),
      metrics: serverMetrics(server, outputMark),
    };
  } finally {
    for (const worker of workers) worker.tell({ type: 'quit' });
  }
}

/** 10,000 single-character updates on top of a one-paragraph body, as a client types them. */
function tenThousandUpdates(): { base: Uint8Array; updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FRAGMENT).push([new Y.XmlElement('paragraph')]);
  const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  paragraph.push([new Y.XmlText()]);
  const text = paragraph.get(0) as Y.XmlText;
  const base = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < 10_000; index++) text.insert(text.length, String(index % 10));
  return { base, updates, text: fragmentText(doc) };
}

/** Writes the 10,000 updates as the log of each document, straight into the database. */
async function storeUncompacted(server: ServerProcess, documentIds: string[], updates: Uint8Array[], base: Uint8Array): Promise<void> {
  const statements = async (query: (sql: string, parameters: unknown[]) => Promise<unknown>) => {
    for (const documentId of documentIds) {
      await query(`UPDATE "document_snapshots" SET "state" = $2 WHERE "document_id" = $1`, [documentId, Buffer.from(base)]);
      await query(`DELETE FROM "document_updates" WHERE "document_id" = $1`, [documentId]);
      for (let index = 0; index < updates.length; index += 1_000) {
        const chunk = updates.slice(index, index + 1_000);
        await query(`INSERT INTO "document_updates" ("document_id", "update") SELECT $1, unnest($2::bytea[])`, [
          documentId,
          chunk.map((update) => Buffer.from(update)),
        ]);
      }
    }
  };
  await server.kill(); // no compaction may run meanwhile; the next start is a cold one
  if (server.databaseUrl) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      await statements((sql, parameters) => client.query(sql, parameters));
    } finally {
      await client.end();
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    // The server keeps its PGlite files in DATA_DIR/pglite (server/src/database/database-options.ts).
    const db = new PGlite(join(server.dataDir!, 'pglite'));
    try {
      await statements((sql, parameters) => db.query(sql, parameters));
    } finally {
      await db.close();
    }
  }
  await server.restart();
}

/** Join → whole state received by a new client, checked against the expected text. */
async function timeOpen(server: ServerProcess, token: string, documentId: string, expected: string): Promise<number> {
  const startedAt = performance.now();
  const reader = await CollabClient.connect(server.baseUrl, token, documentId);
  const elapsed = performance.now() - startedAt;
  const text = reader.text();
  reader.close();
  if (text !== expected) throw new Error(`opened ${text.length} characters, expected ${expected.length}`);
  return elapsed;
}

interface OpenTimes {
  /** The first open after a restart: the process is cold (JIT, first queries). */
  coldProcess: number;
  /** Another document of the same size, not in memory, on the now warm process. */
  fromDatabase: number;
  /** That document again, held in memory since. */
  inMemory: number;
  /** Server side, for `fromDatabase`: read from the database and applied to a new Y.Doc. */
  serverLoad: number;
}

async function openTimes(server: ServerProcess, token: string, documentIds: [string, string], expected: [string, string]): Promise<OpenTimes> {
  const coldProcess = await timeOpen(server, token, documentIds[0], expected[0]);
  await delay(5_500); // the metrics of the cold load go out in their own line
  const mark = server.output().length;
  const fromDatabase = await timeOpen(server, token, documentIds[1], expected[1]);
  const inMemory = await timeOpen(server, token, documentIds[1], expected[1]);
  await delay(5_500);
  const loads = serverMetrics(server, mark).flatMap((entry) => (entry.load ? [entry.load.max] : []));
  return { coldProcess, fromDatabase, inMemory, serverLoad: loads.length > 0 ? Math.max(...loads) : NaN };
}

async function measureOpen(server: ServerProcess, secretariat: string): Promise<{ uncompacted: OpenTimes; typed: OpenTimes }> {
  const { base, updates, text } = tenThousandUpdates();
  // Worst case: 10,000 rows in the log, none folded into the snapshot.
  const raw: [string, string] = [
    await createDocument(server.baseUrl, secretariat, 'Ouverture de 10 000 mises à jour (brutes, 1)'),
    await createDocument(server.baseUrl, secretariat, 'Ouverture de 10 000 mises à jour (brutes, 2)'),
  ];
  await storeUncompacted(server, raw, updates, base);
  const token = await login(server.baseUrl, 'aleap@demo.coupole.be');
  const uncompacted = await openTimes(server, token, raw, [text, text]);

  // As typed through the server by ten writers of 1,000 updates (within the rate limit): the
  // log is folded into the snapshot in the background as it grows.
  const typedIds: [string, string] = ['', ''];
  const typedTexts: [string, string] = ['', ''];
  for (const slot of [0, 1] as const) {
    typedIds[slot] = await createDocument(server.baseUrl, secretariat, `Ouverture de 10 000 mises à jour (saisies, ${slot + 1})`);
    const writers = await Promise.all(Array.from({ length: 10 }, () => CollabClient.connect(server.baseUrl, token, typedIds[slot])));
    await Promise.all(
      writers.map(async (writer, index) => {
        for (let typed = 0; typed < 1_000; typed += 100) {
          for (let burst = 0; burst < 100; burst++) writer.type(String(index));
          await writer.waitForAcks(60_000);
        }
      }),
    );
    for (const writer of writers) writer.close();
    const reference = await CollabClient.connect(server.baseUrl, token, typedIds[slot]);
    typedTexts[slot] = reference.text();
    reference.close();
  }
  // Compaction waits for 2 s without an edit (document-body.service.ts): let it run and finish
  // before the cold restart.
  await delay(3_500);
  await server.restart();
  const typed = await openTimes(server, token, typedIds, typedTexts);
  return { uncompacted, typed };
}

function ms(value: number): string {
  return Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0);
}

function metricsSummary(metrics: ServerMetrics[]): string {
  if (metrics.length === 0) return 'no server metrics (LOG_LEVEL=debug?)';
  const worst = <K extends keyof ServerMetrics>(key: K, field: string) =>
    Math.max(...metrics.map((entry) => Number((entry[key] as Record<string, number> | undefined)?.[field] ?? NaN)).filter(Number.isFinite));
  const sum = <K extends keyof ServerMetrics>(key: K, field: string) =>
    metrics.reduce((total, entry) => total + Number((entry[key] as Record<string, number> | undefined)?.[field] ?? 0), 0);
  return [
    `relay p50/p99 ${ms(worst('relay', 'p50'))}/${ms(worst('relay', 'p99'))} ms`,
    `broadcast p50/p99 ${ms(worst('broadcast', 'p50'))}/${ms(worst('broadcast', 'p99'))} ms (updates merged p99/max ${ms(worst('broadcastUpdates', 'p99'))}/${ms(worst('broadcastUpdates', 'max'))})`,
    `batcher queue p99 ${ms(worst('queued', 'p99'))} ms`,
    `INSERT p50/p99 ${ms(worst('write', 'p50'))}/${ms(worst('write', 'p99'))} ms (${sum('write', 'n')} batches)`,
    `rows/batch p50/max ${ms(worst('batchRows', 'p50'))}/${ms(worst('batchRows', 'max'))}`,
    `compactions ${sum('compaction', 'n')} (max ${ms(worst('compaction', 'max'))} ms)`,
    `event-loop delay p99/max ${ms(worst('eventLoopDelay', 'p99'))}/${ms(worst('eventLoopDelay', 'max'))} ms`,
    `permission look-ups ${metrics.reduce((total, entry) => total + (entry.permissionLookups ?? 0), 0)}`,
  ].join('; ');
}

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_SCENARIOS ?? '10,50,200').split(',').map(Number);
  const scenarios = ALL_SCENARIOS.filter((scenario) => wanted.includes(scenario.editors));
  const mode = process.env.DATABASE_URL ? 'PostgreSQL 15' : 'PGlite (embedded)';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `Collab benchmark — ${mode}${process.env.REDIS_URL ? ' + Redis adapter' : ''}, ${WORKERS} load worker(s), ${SECONDS} s per scenario, load average before: ${load}, ${new Date().toISOString()}`,
  );
  const server = await startServer({ env: { LOG_LEVEL: 'debug' } });
  const deadline = setTimeout(() => {
    console.error('Benchmark exceeded 5 minutes: stopping.');
    void server.kill().then(() => process.exit(2));
  }, 5 * 60_000);
  try {
    const tokens: string[] = [];
    for (const email of EDITOR_ACCOUNTS) tokens.push(await login(server.baseUrl, email));
    const secretariat = tokens[EDITOR_ACCOUNTS.indexOf('secretariat@demo.coupole.be')];

    const rows: Row[] = [];
    for (const scenario of scenarios) {
      console.log(`… ${scenario.editors} editors × ${scenario.documents}, ${scenario.rate} edit/s each`);
      const row = await runScenario(server, tokens, secretariat, scenario);
      console.log(`  server: ${metricsSummary(row.metrics)}`);
      if (row.unacknowledged > 0) console.log(`  ${row.unacknowledged} updates still unacknowledged after 30 s`);
      rows.push(row);
    }
    console.log('');
    console.log(
      '| scenario | edits | propagation p50 / p95 / p99 (ms) | durable ack p50 / p99 (ms) | delivery | clients converged | DB = clients | server CPU | server RSS | load generator CPU |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(
        `| ${row.scenario} | ${row.edits} | ${row.propagation.map(ms).join(' / ')} | ${row.ack.map(ms).join(' / ')} | ${(row.delivery * 100).toFixed(2)} % | ${row.converged ? 'yes' : 'NO'} | ${row.databaseMatches ? 'yes' : 'NO'} | ${(row.serverCpu * 100).toFixed(0)} % | ${row.serverRssMb.toFixed(0)} MB | ${row.workerCpu.map((cpu) => `${(cpu * 100).toFixed(0)} %`).join(' + ')} |`,
      );
    }
    if (process.env.BENCH_SKIP_OPEN !== '1') {
      const open = await measureOpen(server, secretariat);
      console.log('');
      console.log('Opening a document whose body is 10,000 updates (join → whole state received, client side):');
      for (const [label, times] of [
        ['10,000 rows in the log, none compacted', open.uncompacted],
        ['typed through the server (compacted in the background)', open.typed],
      ] as const) {
        console.log(
          `- ${label}: first open after a restart ${ms(times.coldProcess)} ms; another such document on the warm server ${ms(times.fromDatabase)} ms (server-side read + apply ${ms(times.serverLoad)} ms); again, in memory ${ms(times.inMemory)} ms`,
        );
      }
    }
  } finally {
    clearTimeout(deadline);
    if (process.env.BENCH_SERVER_LOG) writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
    await server.stop();
  }
}

if (process.argv[2] === 'worker') {
  void runWorker();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
