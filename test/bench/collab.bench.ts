/*
 * Live co-editing benchmark: N simulated editors per document typing at a fixed rate, several
 * documents at once, against a freshly started server (loopback only, bounded in time).
 *
 *   npm run bench:collab -w test                      embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:collab -w test
 *
 * Prints, per scenario: edit-propagation latency (typed on one client → seen by another),
 * durable-acknowledgement latency, delivery ratio, final-state equality (clients and
 * database), server CPU and RSS (from /proc of the server process) and this process's CPU.
 * Then the time to open a document with 10,000 stored updates.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { CollabClient, fragmentText, login } from '../support/collab-client';
import { startServer, type ServerProcess } from '../support/server-process';

interface Scenario {
  name: string;
  documents: number;
  editorsPerDocument: number;
  /** Edits per second per editor. */
  rate: number;
  seconds: number;
}

const SCENARIOS: Scenario[] = [
  { name: '10 editors x 3 documents', documents: 3, editorsPerDocument: 10, rate: 4, seconds: 15 },
  { name: '50 editors x 1 document', documents: 1, editorsPerDocument: 50, rate: 2, seconds: 15 },
  { name: '200 editors x 1 document', documents: 1, editorsPerDocument: 200, rate: 0.5, seconds: 15 },
];
const EDITOR_ACCOUNTS = [
  'aleap@demo.coupole.be',
  'caips@demo.coupole.be',
  'caips-suppleant@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
  'secretariat@demo.coupole.be',
];
/** Editors per document that also apply every remote update live (the rest apply at the end). */
const LIVE_APPLIERS = 5;
const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function processStats(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/pid/stat (index 11 and 12 after the name).
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  const rssMb = (Number(fields[21]) * PAGE_SIZE) / 1024 / 1024;
  return { cpuSeconds, rssMb };
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

async function createDocument(baseUrl: string, token: string, title: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, kind: 'note_technique', markdown: 'Texte de départ.' }),
  });
  if (!response.ok) throw new Error(`create document: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function storedMarkdown(baseUrl: string, token: string, documentId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await response.json()) as { markdown: string }).markdown;
}

interface Row {
  scenario: string;
  edits: number;
  propagationP50: number;
  propagationP95: number;
  propagationP99: number;
  ackP50: number;
  ackP99: number;
  delivery: number;
  converged: boolean;
  databaseMatches: boolean;
  serverCpu: number;
  serverRssMb: number;
  benchCpu: number;
}

async function runScenario(server: ServerProcess, tokens: string[], secretariat: string, scenario: Scenario): Promise<Row> {
  // When each edit was typed, by "clientID:clock" of its first struct.
  const typedAt = new Map<string, number>();
  const propagation: number[] = [];
  let deliveries = 0;
  const documents: Array<{ id: string; clients: CollabClient[] }> = [];

  for (let index = 0; index < scenario.documents; index++) {
    const id = await createDocument(server.baseUrl, secretariat, `${scenario.name} #${index}`);
    const clients: CollabClient[] = [];
    for (let editor = 0; editor < scenario.editorsPerDocument; editor++) {
      const client = await CollabClient.connect(server.baseUrl, tokens[editor % tokens.length], id, {
        applyRemote: editor < LIVE_APPLIERS,
        onRemoteUpdate: (update, receivedAt) => {
          for (const [clientId, clock] of Y.parseUpdateMeta(update).from) {
            const sentAt = typedAt.get(`${clientId}:${clock}`);
            if (sentAt !== undefined) {
              propagation.push(receivedAt - sentAt);
              deliveries++;
            }
          }
        },
      });
      clients.push(client);
    }
    documents.push({ id, clients });
  }

  const all = documents.flatMap((document) => document.clients);
  const serverBefore = processStats(server.pid!);
  const benchBefore = ownCpuSeconds();
  const startedAt = performance.now();
  let edits = 0;
  const expectedDeliveries = () => 0;
  void expectedDeliveries;
  const perDocumentEdits = new Map<string, number>();

  // Each editor types one short word every 1/rate seconds, phases spread evenly.
  const intervalMs = 1000 / scenario.rate;
  const timers: NodeJS.Timeout[] = [];
  for (const document of documents) {
    document.clients.forEach((client, index) => {
      const start = setTimeout(() => {
        const tick = () => {
          if (performance.now() - startedAt > scenario.seconds * 1000) return;
          const clock = Y.getState(client.doc.store, client.doc.clientID);
          typedAt.set(`${client.doc.clientID}:${clock}`, performance.now());
          client.type(` w${index}`);
          edits++;
          perDocumentEdits.set(document.id, (perDocumentEdits.get(document.id) ?? 0) + 1);
        };
        tick();
        timers.push(setInterval(tick, intervalMs));
      }, (index / document.clients.length) * intervalMs);
      timers.push(start);
    });
  }
  await delay(scenario.seconds * 1000 + 200);
  for (const timer of timers) clearInterval(timer);
  for (const client of all) await client.waitForAcks(30_000).catch(() => undefined);
  await delay(1_000);
  const serverAfter = processStats(server.pid!);
  const benchCpu = ownCpuSeconds() - benchBefore;
  const elapsed = (performance.now() - startedAt) / 1000;

  let expected = 0;
  for (const document of documents) expected += (perDocumentEdits.get(document.id) ?? 0) * (document.clients.length - 1);

  // Final state: every client, and the database, hold the same text.
  let converged = true;
  let databaseMatches = true;
  await delay(2_500); // the Markdown cache is refreshed 2 s after the last edit
  for (const document of documents) {
    for (const client of document.clients) client.applyReceived();
    const texts = new Set(document.clients.map((client) => client.text()));
    if (texts.size !== 1) converged = false;
    const reference = fragmentText(document.clients[0].doc).replace(/\s+/g, ' ').trim();
    const markdown = (await storedMarkdown(server.baseUrl, secretariat, document.id)).replace(/\s+/g, ' ').trim();
    if (markdown !== reference) databaseMatches = false;
  }
  for (const client of all) client.close();

  const acks = all.flatMap((client) => client.ackLatencies);
  return {
    scenario: scenario.name,
    edits,
    propagationP50: percentile(propagation, 50),
    propagationP95: percentile(propagation, 95),
    propagationP99: percentile(propagation, 99),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    delivery: expected === 0 ? 1 : deliveries / expected,
    converged,
    databaseMatches,
    serverCpu: (serverAfter.cpuSeconds - serverBefore.cpuSeconds) / elapsed,
    serverRssMb: serverAfter.rssMb,
    benchCpu: benchCpu / elapsed,
  };
}

/** Opening a document whose body is 10,000 stored updates: time to the first client's state. */
async function measureOpen(server: ServerProcess, token: string, secretariat: string): Promise<{ updates: number; openMs: number[] }> {
  const id = await createDocument(server.baseUrl, secretariat, 'Ouverture de 10 000 mises à jour');
  // Ten writers of 1,000 one-character updates each, in bursts within the per-socket rate limit.
  const writers = await Promise.all(Array.from({ length: 10 }, () => CollabClient.connect(server.baseUrl, token, id)));
  let sent = 0;
  await Promise.all(
    writers.map(async (writer) => {
      for (let typed = 0; typed < 1_000; ) {
        for (let burst = 0; burst < 50; burst++, typed++, sent++) writer.type('x');
        await writer.waitForAcks(60_000);
        await delay(250);
      }
    }),
  );
  for (const writer of writers) writer.close();
  // Let the server evict nothing yet: measure a fresh join on a server restarted cold.
  await server.restart();
  const openMs: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const startedAt = performance.now();
    const reader = await CollabClient.connect(server.baseUrl, token, id);
    openMs.push(performance.now() - startedAt);
    if (reader.text().length < 10_000) throw new Error(`opened ${reader.text().length} characters, expected 10,000+`);
    reader.close();
  }
  return { updates: sent, openMs };
}

function format(value: number, digits = 1): string {
  return Number.isNaN(value) ? '—' : value.toFixed(digits);
}

async function main(): Promise<void> {
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)';
  console.log(`Collab benchmark — ${mode}${process.env.REDIS_URL ? ' + Redis adapter' : ''}, ${new Date().toISOString()}`);
  const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  const deadline = setTimeout(() => {
    console.error('Benchmark exceeded 5 minutes: stopping.');
    void server.kill().then(() => process.exit(2));
  }, 5 * 60_000);
  try {
    const tokens: string[] = [];
    for (const email of EDITOR_ACCOUNTS) tokens.push(await login(server.baseUrl, email));
    const secretariat = tokens[EDITOR_ACCOUNTS.indexOf('secretariat@demo.coupole.be')];

    const rows: Row[] = [];
    for (const scenario of SCENARIOS) {
      console.log(`… ${scenario.name}, ${scenario.rate} edits/s each, ${scenario.seconds} s`);
      rows.push(await runScenario(server, tokens, secretariat, scenario));
    }
    console.log('');
    console.log('| scenario | edits | propagation p50 / p95 / p99 (ms) | durable ack p50 / p99 (ms) | delivery | converged | DB = clients | server CPU | server RSS | bench CPU |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(
        `| ${row.scenario} | ${row.edits} | ${format(row.propagationP50)} / ${format(row.propagationP95)} / ${format(row.propagationP99)} | ${format(row.ackP50)} / ${format(row.ackP99)} | ${(row.delivery * 100).toFixed(2)} % | ${row.converged ? 'yes' : 'NO'} | ${row.databaseMatches ? 'yes' : 'NO'} | ${(row.serverCpu * 100).toFixed(0)} % | ${row.serverRssMb.toFixed(0)} MB | ${(row.benchCpu * 100).toFixed(0)} % |`,
      );
    }
    const open = await measureOpen(server, tokens[0], secretariat);
    console.log('');
    console.log(
      `Opening a document with ${open.updates} stored updates (cold server, then warm): ${open.openMs.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}`,
    );
  } finally {
    clearTimeout(deadline);
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
