/*
 * Connections and memory (issue #14, item 4), against a freshly started server:
 *
 * 1. Idle clients. BENCH_CLIENTS (default 5,000) signed-in clients, each as a browser tab holds
 *    them: one socket.io connection carrying `/live` (subscribed to a document) and `/collab`
 *    (joined to the same document and synced), spread over the demo documents. Printed: the
 *    server's heap per client (V8 heap used after a forced GC, read through the inspector, minus
 *    the same reading before the clients came), its RSS, the CPU it spends while every client is
 *    idle for BENCH_IDLE_SECONDS (the 2 s heartbeat), and whether every client is still there.
 * 2. Unloading. Every client leaves; the documents' live copies are unloaded a minute after their
 *    last editor left (checked every 10 s): the heap is read again once that minute has passed.
 * 3. Soak (BENCH_SOAK_MINUTES, default 0 = skipped; the issue asks for 30): 50 editors on one
 *    document typing 2 words a second each, the server's heap after a GC every minute — the curve
 *    is printed, with its slope over the second half.
 *
 *   npm run bench:connections -w test                                   embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:connections -w test         PostgreSQL (a fresh database)
 *   BENCH_CLIENTS=5000 BENCH_IDLE_SECONDS=30 BENCH_SOAK_MINUTES=30 …
 *   BENCH_HEAP_DIFF=1 (what the tabs added to the heap, by constructor, from two heap snapshots)
 */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { Manager, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CollabClient, login } from '../support/collab-client';
import { processStats } from '../support/process-stats';
import { freePort, startServer, type ServerProcess } from '../support/server-process';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
/** Also print which constructors' objects the tabs added to the heap (two heap snapshots). */
const HEAP_DIFF = process.env.BENCH_HEAP_DIFF === '1';
const SOAK_EDITORS = 50;
const SOAK_RATE = 2;
const BATCH = 50;
const ACCOUNTS = [
  'aleap@demo.coupole.be',
  'caips@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
  'secretariat@demo.coupole.be',
];

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const processCpuSeconds = (pid: number) => processStats(pid).cpuSeconds;
const rssBytes = (pid: number) => processStats(pid).rssBytes;

function getJson<T>(url: string, token?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as T) : reject(new Error(`${url}: ${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The server's V8 heap, read through its inspector after a full garbage collection. */
class HeapProbe {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    });
  }

  static async connect(inspectorPort: number): Promise<HeapProbe> {
    const [target] = await getJson<Array<{ webSocketDebuggerUrl: string }>>(`http://127.0.0.1:${inspectorPort}/json/list`);
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new HeapProbe(socket);
  }

  private call<T>(method: string): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => {
        this.waiting.delete(id);
        resolve(result as T);
      });
      this.socket.send(JSON.stringify({ id, method }));
    });
  }

  /** Heap used after two full collections (the second frees what the first's finalizers let go). */
  async usedAfterGc(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    return (await this.call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  /** Self size by constructor (or node type) over a full heap snapshot. */
  async sizesByConstructor(): Promise<Map<string, { count: number; bytes: number }>> {
    let chunks = '';
    const collect = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { method?: string; params?: { chunk: string } };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks += message.params!.chunk;
    };
    this.socket.on('message', collect);
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.takeHeapSnapshot');
    this.socket.off('message', collect);
    const snapshot = JSON.parse(chunks) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    const fields = snapshot.snapshot.meta.node_fields;
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
    const types = snapshot.snapshot.meta.node_types[0];
    const sizes = new Map<string, { count: number; bytes: number }>();
    for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
      const type = types[snapshot.nodes[node + typeAt]];
      const key = type === 'object' || type === 'closure' ? `${type} ${snapshot.strings[snapshot.nodes[node + nameAt]]}` : type;
      const entry = sizes.get(key) ?? { count: 0, bytes: 0 };
      entry.count++;
      entry.bytes += snapshot.nodes[node + sizeAt];
      sizes.set(key, entry);
    }
    return sizes;
  }

  close(): void {
    this.socket.close();
  }
}

/** The constructors whose objects grew most between two snapshots, per tab. */
function growth(before: Map<string, { count: number; bytes: number }>, after: Map<string, { count: number; bytes: number }>, tabs: number): [string, string][] {
  return [...after.entries()]
    .map(([key, { count, bytes }]) => ({ key, count: count - (before.get(key)?.count ?? 0), bytes: bytes - (before.get(key)?.bytes ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 20)
    .map(({ key, count, bytes }) => [`  ${key}`, `${(bytes / tabs).toFixed(0)} B and ${(count / tabs).toFixed(1)} objects per tab`]);
}

const emptyDoc = new Y.Doc();

/** One tab, or a refusal naming the step that did not finish within 30 s (never a hang). */
async function openTab(baseUrl: string, token: string, documentId: string): Promise<Manager> {
  const manager = new Manager(baseUrl, { transports: ['websocket'], reconnection: false, autoConnect: false });
  let step = 'connect';
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      openTabOn(manager, token, documentId, (next) => (step = next)),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${step} within 30 s`)), 30_000))),
    ]);
  } catch (error) {
    closeTab(manager);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** `/live` and `/collab` over one connection, subscribed and joined to `documentId`. */
async function openTabOn(manager: Manager, token: string, documentId: string, stepTo: (step: string) => void): Promise<Manager> {
  const live = manager.socket('/live', { auth: { token } });
  const collab = manager.socket('/collab', { auth: { token } });
  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  const ready = Promise.all([connected(live), connected(collab)]);
  live.connect();
  collab.connect();
  await ready;

  stepTo('subscribe');
  const subscribed = (await live.timeout(30_000).emitWithAck('subscribe', { documentId })) as { ok: boolean; error?: string };
  if (!subscribed.ok) throw new Error(`subscribe refused: ${subscribed.error}`);
  const synced = new Promise<void>((resolve) => {
    collab.on('sync', (raw: ArrayBuffer | Uint8Array) => {
      const decoder = decoding.createDecoder(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(emptyDoc));
        collab.emit('sync', encoding.toUint8Array(reply));
      } else if (type === syncProtocol.messageYjsSyncStep2) {
        resolve();
      }
    });
  });
  stepTo('join');
  const joined = (await collab.timeout(30_000).emitWithAck('join', { documentId })) as { ok: boolean; code?: string };
  if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
  const step1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(step1, emptyDoc);
  collab.emit('sync', encoding.toUint8Array(step1));
  stepTo('sync');
  await synced;
  return manager;
}

function connectedCount(managers: Manager[]): number {
  // A manager's namespaces; both must still be connected.
  return managers.filter((manager) => {
    const sockets = (manager as unknown as { nsps: Record<string, Socket> }).nsps;
    return Object.values(sockets).every((socket) => socket.connected);
  }).length;
}

function closeTab(manager: Manager): void {
  for (const socket of Object.values((manager as unknown as { nsps: Record<string, Socket> }).nsps)) socket.disconnect();
}

async function idleClients(server: ServerProcess, probe: HeapProbe, tokens: string[], documents: string[][]): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const pid = server.pid!;
  // Warm up: the first joins load the documents and the code paths the rest share.
  const warm = await Promise.all(tokens.map((token, index) => openTab(server.baseUrl, token, documents[index][0])));
  warm.forEach(closeTab);
  await delay(1_000);
  const heapBefore = await probe.usedAfterGc();
  const snapshotBefore = HEAP_DIFF ? await probe.sizesByConstructor() : undefined;
  const rssBefore = rssBytes(pid);

  const managers: Manager[] = [];
  const failures = new Map<string, number>();
  const connectStarted = Date.now();
  for (let start = 0; start < CLIENTS; start += BATCH) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(BATCH, CLIENTS - start) }, (_, offset) => {
        const index = start + offset;
        const account = index % tokens.length;
        const readable = documents[account];
        return openTab(server.baseUrl, tokens[account], readable[Math.floor(index / tokens.length) % readable.length]);
      }),
    );
    for (const result of batch) {
      if (result.status === 'fulfilled') managers.push(result.value);
      else failures.set(String(result.reason), (failures.get(String(result.reason)) ?? 0) + 1);
    }
  }
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  // On a loaded machine the load process itself can miss a heartbeat (4.5 s) while it opens
  // thousands of tabs: such a tab is counted here, not measured.
  if (failures.size > 0) rows.push(['tabs that failed to open', [...failures].map(([reason, count]) => `${count} × ${reason}`).join('; ')]);
  const heapWith = await probe.usedAfterGc();
  const rssWith = rssBytes(pid);
  rows.push([`${managers.length} of ${CLIENTS} tabs (/live subscribed + /collab joined and synced) opened in`, `${connectSeconds.toFixed(1)} s`]);
  rows.push(['server heap after GC: before / with the tabs', `${mb(heapBefore)} / ${mb(heapWith)}`]);
  rows.push(['  heap per tab (target ≤ 15 KB)', kb((heapWith - heapBefore) / managers.length)]);
  rows.push(['  RSS before / with the tabs (per tab)', `${mb(rssBefore)} / ${mb(rssWith)} (${kb((rssWith - rssBefore) / managers.length)})`]);

  const cpuStart = processCpuSeconds(pid);
  await delay(IDLE_SECONDS * 1000);
  const idleCpu = processCpuSeconds(pid) - cpuStart;
  rows.push([`server CPU while idle for ${IDLE_SECONDS} s (heartbeats every 2 s)`, `${((100 * idleCpu) / IDLE_SECONDS).toFixed(1)} % of one core`]);
  rows.push(['  tabs still connected after the idle time', `${connectedCount(managers)} / ${managers.length}`]);

  // Last: a heap snapshot stops the server for longer than a heartbeat's timeout.
  if (snapshotBefore) {
    rows.push(['what grew, by constructor (BENCH_HEAP_DIFF=1)', '']);
    rows.push(...growth(snapshotBefore, await probe.sizesByConstructor(), managers.length));
  }

  managers.forEach(closeTab);
  await delay(2_000);
  const heapLeft = await probe.usedAfterGc();
  // Unloaded at the first 10 s sweep after the minute: wait 75 s.
  await delay(75_000);
  const heapUnloaded = await probe.usedAfterGc();
  rows.push(['heap after every tab left / 75 s later (live copies unloaded)', `${mb(heapLeft)} / ${mb(heapUnloaded)}`]);
  return rows;
}

async function soak(server: ServerProcess, probe: HeapProbe, tokens: string[], documentId: string): Promise<[string, string][]> {
  const editors = await Promise.all(
    Array.from({ length: SOAK_EDITORS }, (_, index) => CollabClient.connect(server.baseUrl, tokens[index % tokens.length], documentId, { applyRemote: index < 5 })),
  );
  const curve: number[] = [await probe.usedAfterGc()];
  let words = 0;
  const typing = setInterval(() => {
    for (const [index, editor] of editors.entries()) {
      if (!editor.canEdit) continue;
      editor.type(` e${index}w${words}`);
      // Non-applying editors keep only what they send: drop what they received.
      editor.received.length = 0;
    }
    words++;
  }, 1000 / SOAK_RATE);
  for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
    await delay(60_000);
    curve.push(await probe.usedAfterGc());
    console.log(`  soak minute ${minute}: heap ${mb(curve[curve.length - 1])}, RSS ${mb(rssBytes(server.pid!))}`);
  }
  clearInterval(typing);
  editors.forEach((editor) => editor.close());
  const half = Math.floor(curve.length / 2);
  const slope = (curve[curve.length - 1] - curve[half]) / Math.max(1, curve.length - 1 - half);
  return [
    [`soak: ${SOAK_EDITORS} editors × ${SOAK_RATE} words/s for ${SOAK_MINUTES} min, heap after GC each minute (MB)`, curve.map((bytes) => (bytes / 1024 / 1024).toFixed(1)).join(' ')],
    ['  heap slope over the second half', `${(slope / 1024).toFixed(0)} KB/min`],
  ];
}

async function main() {
  const inspectorPort = await freePort();
  const server = await startServer({ env: { LOG_LEVEL: 'warn', NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}` } });
  const probe = await HeapProbe.connect(inspectorPort);
  const mode = server.databaseUrl ? 'PostgreSQL' : 'PGlite';
  try {
    const tokens = await Promise.all(ACCOUNTS.map((email) => login(server.baseUrl, email)));
    const documents = await Promise.all(
      tokens.map(async (token) => {
        const page = await getJson<{ items: Array<{ id: string }> }>(`${server.baseUrl}/api/documents`, token);
        return page.items.slice(0, 5).map((document) => document.id);
      }),
    );
    const rows = await idleClients(server, probe, tokens, documents);
    if (SOAK_MINUTES > 0) rows.push(...(await soak(server, probe, tokens, documents[tokens.length - 1][0])));

    console.log(`\nConnections and memory — ${mode}, load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}, ${new Date().toISOString()}`);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  } finally {
    probe.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
