/*
 * Connections and memory (issue #14, item 4), against a freshly started server:
 *
 * 1. Idle clients. BENCH_CLIENTS (default 5,000; 0 skips this part) signed-in clients, each as a
 *    browser tab holds them: one socket.io connection carrying `/live` (subscribed to a document)
 *    and `/collab` (joined to the same document and synced), spread over the demo documents. The
 *    tabs live in BENCH_WORKERS forked load processes (default 4) and open at BENCH_OPEN_RATE tabs
 *    a second in all (default 40), at most 20 at a time per process: a single load process opening
 *    thousands of tabs on a shared machine misses heartbeats (4.5 s) and loses them. Printed: the
 *    server's heap per client (V8 heap used after a forced GC, read through the inspector, minus
 *    the same reading before the clients came), its RSS, the CPU it spends while every client is
 *    idle for BENCH_IDLE_SECONDS (the 2 s heartbeat), whether every client is still there (and why
 *    those that left did), and each load process's CPU.
 * 2. Unloading. Every client leaves; the documents' live copies are unloaded a minute after their
 *    last editor left (checked every 10 s): the heap is read again once that minute has passed.
 * 3. Soak (BENCH_SOAK_MINUTES, default 0 = skipped; the issue asks for 30): 50 editors on one
 *    document typing 2 words a second each, the server's heap after a GC every minute (printed as
 *    it goes, with the size of the document's Yjs state, which grows with the text), then the
 *    heap once the editors left and once the live copy is unloaded, against the heap before.
 *
 *   npm run bench:connections -w test                                   embedded PGlite
 *   DATABASE_URL=postgres://… npm run bench:connections -w test         PostgreSQL (a fresh database)
 *   BENCH_CLIENTS=5000 BENCH_IDLE_SECONDS=30 BENCH_WORKERS=4 BENCH_OPEN_RATE=40 …
 *   BENCH_CLIENTS=0 BENCH_SOAK_MINUTES=30 …                             the soak alone
 *   BENCH_HEAP_DIFF=1 (what the tabs added to the heap, by constructor, from two heap snapshots)
 *   BENCH_PROFILE=/tmp/prof (the server's CPU profile, server-<pid>.cpuprofile, written when it
 *     stops; `npm run bench:profile-summary -w test -- <file> 20-50` sums it over seconds 20–50)
 *
 * File descriptors: each tab is one TCP connection, so one descriptor in the server and one in a
 * load process; 5,000 tabs need `ulimit -n` above 5,000 for the server (check
 * /proc/<pid>/limits; 20,000 on the bench machine).
 */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Manager, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CollabClient, login } from '../support/collab-client';
import { ForkedBenchProcess } from '../support/forked-bench-process';
import { processStats } from '../support/process-stats';
import { profilerPreload } from '../support/server-profile';
import { freePort, startServer, type ServerProcess } from '../support/server-process';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
/** Also print which constructors' objects the tabs added to the heap (two heap snapshots). */
const HEAP_DIFF = process.env.BENCH_HEAP_DIFF === '1';
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 4));
/** Tabs opened per second, over all load processes. */
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 40);
/** Tabs a load process opens at once, at most. */
const IN_FLIGHT = 20;
const SOAK_EDITORS = 50;
const SOAK_RATE = 2;
const ACCOUNTS = [
  'aleap@demo.coupole.be',
  'caips@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
  'secretariat@demo.coupole.be',
];

/** Where the run is, on stderr (a run on a loaded machine takes minutes). */
const progress = (what: string) => console.error(`  [${new Date().toISOString().slice(11, 19)}] ${what}`);
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

/** A new document in drafting, which every representative may edit (the secretariat creates it). */
async function createDocument(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Banc d’essai : 30 minutes à 50', kind: 'note_technique', markdown: 'Texte de départ.' }),
  });
  if (!response.ok) throw new Error(`POST /api/documents: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** A fresh access token for the session of `token` (POST /api/auth/refresh). */
async function refreshToken(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`POST /api/auth/refresh: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
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
    // A snapshot collects the garbage first: no separate GC, which would let the server run (and
    // its clients time out) between the two.
    await this.call('HeapProfiler.takeHeapSnapshot');
    this.socket.off('message', collect);
    const snapshot = JSON.parse(chunks) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
      nodes: number[];
      edges: number[];
      strings: string[];
    };
    const { meta } = snapshot.snapshot;
    const fields = meta.node_fields.length;
    const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((field) => meta.node_fields.indexOf(field));
    const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((field) => meta.edge_fields.indexOf(field));
    const types = meta.node_types[0];
    const edgeTypes = meta.edge_types[0];
    const named = (node: number) => {
      const type = types[snapshot.nodes[node + typeAt]];
      return type === 'object' || type === 'closure' ? `${type} ${snapshot.strings[snapshot.nodes[node + nameAt]]}` : undefined;
    };
    // Arrays, strings, numbers and system objects say little by themselves: each is named after
    // the first object or closure that holds it, and through which property (`array ← object Socket.rooms`).
    const owner = new Map<number, string>();
    for (let node = 0, edge = 0; node < snapshot.nodes.length; node += fields) {
      const from = named(node);
      for (let count = snapshot.nodes[node + edgeCountAt]; count > 0; count--, edge += meta.edge_fields.length) {
        const to = snapshot.edges[edge + edgeToAt];
        if (!from || owner.has(to) || named(to)) continue;
        const edgeType = edgeTypes[snapshot.edges[edge + edgeTypeAt]];
        if (edgeType === 'weak' || edgeType === 'shortcut') continue;
        const name = edgeType === 'element' || edgeType === 'hidden' ? '[]' : snapshot.strings[snapshot.edges[edge + edgeNameAt]];
        owner.set(to, `${from}.${name}`);
      }
    }
    const sizes = new Map<string, { count: number; bytes: number }>();
    for (let node = 0; node < snapshot.nodes.length; node += fields) {
      const type = types[snapshot.nodes[node + typeAt]];
      const key = named(node) ?? `${type} ← ${owner.get(node) ?? '?'}`;
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
    .slice(0, 30)
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

function closeTab(manager: Manager): void {
  for (const socket of Object.values((manager as unknown as { nsps: Record<string, Socket> }).nsps)) socket.disconnect();
}

// ---------------------------------------------------------------------------------------------
// Load process: some of the tabs.

interface TabPlan {
  token: string;
  documentId: string;
}

type ToWorker = { type: 'open'; baseUrl: string; tabs: TabPlan[]; perSecond: number } | { type: 'count' } | { type: 'close' };

type FromWorker =
  | { type: 'opened'; opened: number; failures: Record<string, number>; seconds: number }
  | {
      type: 'counted';
      connected: number;
      open: number;
      leftBecause: Record<string, number>;
      cpuSeconds: number;
      /** The longest gap between two server pings seen by any tab (ms): > 4,500 is a tab cut off. */
      longestPingGapMs: number;
      /** Tabs that saw a gap between pings above 3 s (the server was late). */
      lateTabs: number;
      /** This process's own event-loop delay, max (ms): a starved load process misses pings too. */
      ownLoopDelayMaxMs: number;
    }
  | { type: 'closed' };

function runWorker(): void {
  const send = (message: FromWorker) => process.send!(message);
  const managers: Manager[] = [];
  /** Why sockets of still-open tabs disconnected (socket.io's reason), by reason. */
  const leftBecause: Record<string, number> = {};
  let longestPingGapMs = 0;
  let lateTabs = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  process.on('message', async (message: ToWorker) => {
    if (message.type === 'open') {
      const failures: Record<string, number> = {};
      const startedAt = Date.now();
      const intervalMs = 1000 / message.perSecond;
      const inFlight = new Set<Promise<void>>();
      for (const [index, tab] of message.tabs.entries()) {
        // The opening rate, and never more than IN_FLIGHT handshakes at once.
        await delay(startedAt + index * intervalMs - Date.now());
        while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
        const opening: Promise<void> = openTab(message.baseUrl, tab.token, tab.documentId).then(
          (manager) => {
            managers.push(manager);
            let lastPing = Date.now();
            let late = false;
            manager.on('ping', () => {
              const gap = Date.now() - lastPing;
              lastPing += gap;
              longestPingGapMs = Math.max(longestPingGapMs, gap);
              if (gap > 3_000 && !late) lateTabs += Number((late = true));
            });
            for (const socket of Object.values((manager as unknown as { nsps: Record<string, Socket> }).nsps)) {
              socket.on('disconnect', (reason) => (leftBecause[reason] = (leftBecause[reason] ?? 0) + 1));
            }
          },
          (error: unknown) => void (failures[String(error)] = (failures[String(error)] ?? 0) + 1),
        );
        inFlight.add(opening);
        void opening.finally(() => inFlight.delete(opening));
      }
      await Promise.all(inFlight);
      send({ type: 'opened', opened: managers.length, failures, seconds: (Date.now() - startedAt) / 1000 });
    } else if (message.type === 'count') {
      const connected = managers.filter((manager) =>
        Object.values((manager as unknown as { nsps: Record<string, Socket> }).nsps).every((socket) => socket.connected),
      ).length;
      const cpu = process.cpuUsage();
      send({
        type: 'counted',
        connected,
        open: managers.length,
        leftBecause,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        longestPingGapMs,
        lateTabs,
        ownLoopDelayMaxMs: loopDelay.max / 1e6,
      });
    } else {
      managers.splice(0).forEach(closeTab);
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 500);
    }
  });
}

async function idleClients(server: ServerProcess, probe: HeapProbe, tokens: string[], documents: string[][]): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const pid = server.pid!;
  // Warm up: the first joins load the documents and the code paths the rest share.
  const warm = await Promise.all(tokens.map((token, index) => openTab(server.baseUrl, token, documents[index][0])));
  warm.forEach(closeTab);
  await delay(1_000);
  const heapBefore = await probe.usedAfterGc();
  progress(`warmed up; heap ${mb(heapBefore)}`);
  const snapshotBefore = HEAP_DIFF ? await probe.sizesByConstructor() : undefined;
  if (HEAP_DIFF) progress('heap snapshot before the tabs taken');
  const rssBefore = rssBytes(pid);

  const plans: TabPlan[] = Array.from({ length: CLIENTS }, (_, index) => {
    const account = index % tokens.length;
    const readable = documents[account];
    return { token: tokens[account], documentId: readable[Math.floor(index / tokens.length) % readable.length] };
  });
  const workers = Array.from({ length: WORKERS }, () => new ForkedBenchProcess<ToWorker, FromWorker>(__filename));
  try {
    const opened = await Promise.all(
      workers.map((worker, index) =>
        worker.request<Extract<FromWorker, { type: 'opened' }>>({
          type: 'open',
          baseUrl: server.baseUrl,
          tabs: plans.filter((_, at) => at % WORKERS === index),
          perSecond: OPEN_RATE / WORKERS,
        }),
      ),
    );
    const openedTabs = opened.reduce((sum, answer) => sum + answer.opened, 0);
    const failures = new Map<string, number>();
    for (const answer of opened) for (const [reason, count] of Object.entries(answer.failures)) failures.set(reason, (failures.get(reason) ?? 0) + count);
    if (failures.size > 0) rows.push(['tabs that failed to open', [...failures].map(([reason, count]) => `${count} × ${reason}`).join('; ')]);
    const connectSeconds = Math.max(...opened.map((answer) => answer.seconds));
    const count = async () => {
      const answers = await Promise.all(workers.map((worker) => worker.request<Extract<FromWorker, { type: 'counted' }>>({ type: 'count' })));
      return { answers, connected: answers.reduce((sum, answer) => sum + answer.connected, 0) };
    };
    const afterOpening = await count();
    progress(`${openedTabs} tabs opened, ${afterOpening.connected} connected; idle for ${IDLE_SECONDS} s`);
    rows.push([
      `${openedTabs} of ${CLIENTS} tabs (/live subscribed + /collab joined and synced), ${WORKERS} load processes, ${OPEN_RATE} tabs/s, opened in`,
      `${connectSeconds.toFixed(1)} s`,
    ]);
    rows.push(['  tabs connected once all were opened', `${afterOpening.connected} / ${openedTabs}`]);

    const cpuStart = processCpuSeconds(pid);
    await delay(IDLE_SECONDS * 1000);
    const idleCpu = processCpuSeconds(pid) - cpuStart;
    const afterIdle = await count();
    rows.push([`server CPU while idle for ${IDLE_SECONDS} s (heartbeats every 2 s)`, `${((100 * idleCpu) / IDLE_SECONDS).toFixed(1)} % of one core`]);
    rows.push(['  tabs still connected after the idle time', `${afterIdle.connected} / ${openedTabs}`]);

    // A heap snapshot stops the server for longer than a heartbeat's timeout (minutes on a loaded
    // machine): taken while every tab is there, its figures replace the forced GCs' below.
    if (snapshotBefore) {
      const snapshotWith = await probe.sizesByConstructor();
      const total = (sizes: Map<string, { bytes: number }>) => [...sizes.values()].reduce((sum, { bytes }) => sum + bytes, 0);
      rows.push([
        'what grew, by constructor (BENCH_HEAP_DIFF=1), snapshots before / with the tabs',
        `${mb(total(snapshotBefore))} / ${mb(total(snapshotWith))} (${kb((total(snapshotWith) - total(snapshotBefore)) / afterIdle.connected)} per tab)`,
      ]);
      rows.push(...growth(snapshotBefore, snapshotWith, afterIdle.connected));
    }

    // Measured once the idle time is over: two forced full collections stop the server for a while
    // (seconds on a loaded machine), long enough for heartbeats to be missed.
    const gcStarted = Date.now();
    const heapWith = await probe.usedAfterGc();
    const gcSeconds = (Date.now() - gcStarted) / 1000;
    const rssWith = rssBytes(pid);
    const afterGc = await count();
    progress(`heap with the tabs ${mb(heapWith)}, ${afterIdle.connected} tabs connected`);
    rows.push(['server heap after GC: before / with the tabs', `${mb(heapBefore)} / ${mb(heapWith)} (the two forced GCs took ${gcSeconds.toFixed(1)} s)`]);
    rows.push(['  heap per connected tab (target ≤ 15 KB)', kb((heapWith - heapBefore) / afterIdle.connected)]);
    rows.push(['  RSS before / with the tabs (per tab)', `${mb(rssBefore)} / ${mb(rssWith)} (${kb((rssWith - rssBefore) / afterIdle.connected)})`]);
    rows.push(['  tabs still connected after the forced GCs', `${afterGc.connected} / ${openedTabs}`]);
    const left = new Map<string, number>();
    for (const answer of afterGc.answers) for (const [reason, n] of Object.entries(answer.leftBecause)) left.set(reason, (left.get(reason) ?? 0) + n);
    if (left.size > 0) rows.push(['  sockets that left, by reason', [...left].map(([reason, n]) => `${n} × ${reason}`).join('; ')]);
    rows.push([
      '  longest gap between two server pings seen by a tab / tabs that saw one > 3 s',
      `${(Math.max(...afterGc.answers.map((answer) => answer.longestPingGapMs)) / 1000).toFixed(1)} s / ${afterGc.answers.reduce((sum, answer) => sum + answer.lateTabs, 0)}`,
    ]);
    rows.push([
      '  load processes: CPU since they started (s) / own event-loop delay max (ms)',
      afterGc.answers.map((answer) => `${answer.cpuSeconds.toFixed(1)} / ${answer.ownLoopDelayMaxMs.toFixed(0)}`).join(', '),
    ]);

    await Promise.all(workers.map((worker) => worker.request({ type: 'close' })));
  } finally {
    workers.forEach((worker) => worker.kill());
  }

  progress('tabs closed; waiting for the live copies to be unloaded');
  await delay(2_000);
  const heapLeft = await probe.usedAfterGc();
  // Unloaded at the first 10 s sweep after the minute: wait 75 s.
  await delay(75_000);
  const heapUnloaded = await probe.usedAfterGc();
  rows.push(['heap after every tab left / 75 s later (live copies unloaded)', `${mb(heapLeft)} / ${mb(heapUnloaded)}`]);
  return rows;
}

async function soak(server: ServerProcess, probe: HeapProbe, tokens: string[], documentId: string): Promise<[string, string][]> {
  const heapBefore = await probe.usedAfterGc();
  const editors = await Promise.all(
    Array.from({ length: SOAK_EDITORS }, (_, index) => CollabClient.connect(server.baseUrl, tokens[index % tokens.length], documentId, { applyRemote: index < 5 })),
  );
  // Access tokens last 15 minutes: renewed every 10, as the app does, so that an editor cut off
  // by a missed heartbeat reconnects with a valid one.
  let disconnections = 0;
  for (const editor of editors) editor.socket.on('disconnect', () => disconnections++);
  const renewing = setInterval(() => {
    void Promise.all(tokens.map((token) => refreshToken(server.baseUrl, token))).then(
      (renewed) => {
        renewed.forEach((token, index) => (tokens[index] = token));
        editors.forEach((editor, index) => (editor.socket.auth = { token: tokens[index % tokens.length] }));
      },
      (error: unknown) => progress(`could not renew the tokens: ${String(error)}`),
    );
  }, 10 * 60_000);
  const writers = editors.filter((editor) => editor.canEdit).length;
  // Read-only editors would make a soak that types nothing.
  if (writers < SOAK_EDITORS) throw new Error(`only ${writers} of ${SOAK_EDITORS} soak editors may edit the document`);
  const curve: number[] = [await probe.usedAfterGc()];
  /** The document's Yjs state (as an applying editor holds it), bytes, at each sample. */
  const stateSizes: number[] = [Y.encodeStateAsUpdate(editors[0].doc).length];
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
  console.log(`  soak: ${SOAK_EDITORS} editors × ${SOAK_RATE} words/s, heap before the editors ${mb(heapBefore)}, with them ${mb(curve[0])}`);
  for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
    await delay(60_000);
    curve.push(await probe.usedAfterGc());
    stateSizes.push(Y.encodeStateAsUpdate(editors[0].doc).length);
    const unacknowledged = editors.reduce((sum, editor) => sum + editor.pending.size, 0);
    console.log(
      `  soak minute ${minute} (${new Date().toISOString()}): heap ${(curve[minute] / 1024 / 1024).toFixed(1)} MB, RSS ${mb(rssBytes(server.pid!))}, ` +
        `document state ${kb(stateSizes[minute])}, unacknowledged edits ${unacknowledged}, disconnections ${disconnections}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
  }
  clearInterval(typing);
  clearInterval(renewing);
  await Promise.all(editors.map((editor) => editor.waitForAcks(30_000).catch(() => undefined)));
  const typed = editors.reduce((sum, editor) => sum + editor.acknowledged.size, 0);
  // Counted before the editors close: their own closing is not a disconnection.
  const lost = disconnections;
  editors.forEach((editor) => editor.close());
  await delay(2_000);
  const heapLeft = await probe.usedAfterGc();
  await delay(75_000);
  const heapUnloaded = await probe.usedAfterGc();
  const half = Math.floor(curve.length / 2);
  const slope = (curve[curve.length - 1] - curve[half]) / Math.max(1, curve.length - 1 - half);
  const stateSlope = (stateSizes[stateSizes.length - 1] - stateSizes[half]) / Math.max(1, stateSizes.length - 1 - half);
  return [
    [`soak: ${SOAK_EDITORS} editors × ${SOAK_RATE} words/s for ${SOAK_MINUTES} min, heap after GC each minute (MB)`, curve.map((bytes) => (bytes / 1024 / 1024).toFixed(1)).join(' ')],
    ['  the document\'s Yjs state each minute (KB)', stateSizes.map((bytes) => (bytes / 1024).toFixed(0)).join(' ')],
    ['  heap slope over the second half / the state\'s', `${(slope / 1024).toFixed(0)} KB/min / ${(stateSlope / 1024).toFixed(0)} KB/min`],
    ['  edits acknowledged as durable / editors\' disconnections (each reconnected)', `${typed} / ${lost}`],
    [
      '  heap before the editors / once they left / 75 s later (live copy unloaded)',
      `${(heapBefore / 1024 / 1024).toFixed(1)} / ${(heapLeft / 1024 / 1024).toFixed(1)} / ${(heapUnloaded / 1024 / 1024).toFixed(1)} MB`,
    ],
  ];
}

async function main() {
  const inspectorPort = await freePort();
  // A cold start on a loaded machine (migrations, demo seed) can take minutes.
  const profile = process.env.BENCH_PROFILE ? ` --require ${profilerPreload(process.env.BENCH_PROFILE)}` : '';
  const server = await startServer({ env: { LOG_LEVEL: 'warn', NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}${profile}` }, startTimeoutMs: 300_000 });
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
    const rows = CLIENTS > 0 ? await idleClients(server, probe, tokens, documents) : [];
    if (SOAK_MINUTES > 0) rows.push(...(await soak(server, probe, tokens, await createDocument(server.baseUrl, tokens[tokens.length - 1]))));

    console.log(`\nConnections and memory — ${mode}, load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}, ${new Date().toISOString()}`);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  } finally {
    probe.close();
    await server.stop();
  }
}

if (process.argv[2] === 'worker') {
  runWorker();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
