/*
 * Room broadcasts (issue #14, item 2): the server's CPU per delivered binary event.
 *
 * A socket.io server (the server workspace's socket.io, engine.io and ws) broadcasts
 * BROADCAST_BENCH_MESSAGES (default 4,000) binary events of 60 bytes, the size of a typed word's
 * Yjs update, to BROADCAST_BENCH_SOCKETS (default 50) WebSocket clients living in a forked
 * process, four per event-loop turn (BROADCAST_BENCH_KIND=text: a JSON event like `/live`'s
 * round.updated instead). It prints the server process's CPU per delivery for each
 * variant, alternated BROADCAST_BENCH_RUNS times (default 2) in separate processes:
 * - `socket.io`: socket.io as it comes (two engine.io packets, each framed per socket);
 * - `previous`: another build's `realtime/one-write-per-message.js` (BROADCAST_BENCH_PREVIOUS);
 * - `coupole`: this build's `realtime/one-write-per-message.js` (frames computed once per broadcast).
 *
 *   npm run build -w server && npm run bench:broadcast -w test
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { forkBench } from '../support/forked-bench-process';

const REPO = resolve(__dirname, '..', '..');
const SERVER = join(REPO, 'server');
const SOCKETS = Number(process.env.BROADCAST_BENCH_SOCKETS ?? 50);
const MESSAGES = Number(process.env.BROADCAST_BENCH_MESSAGES ?? 4_000);
const RUNS = Number(process.env.BROADCAST_BENCH_RUNS ?? 2);
const PER_TURN = Number(process.env.BROADCAST_BENCH_PER_TURN ?? 4);
/** `binary` (a Yjs update on /collab) or `text` (a JSON event on /live, such as round.updated). */
const KIND = process.env.BROADCAST_BENCH_KIND ?? 'binary';

const VARIANTS: Record<string, string | undefined> = {
  'socket.io': undefined,
  ...(process.env.BROADCAST_BENCH_PREVIOUS ? { previous: process.env.BROADCAST_BENCH_PREVIOUS } : {}),
  coupole: join(SERVER, 'dist', 'realtime', 'one-write-per-message.js'),
};

const fromServer = (name: string) => require(require.resolve(name, { paths: [SERVER] }));
const forkSelf = (args: string[]) => forkBench(__filename, args);
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The clients' process: SOCKETS connections, counting what they receive. */
function clients(port: number): void {
  const { io } = fromServer('socket.io-client');
  let received = 0;
  for (let index = 0; index < SOCKETS; index++) {
    io(`http://127.0.0.1:${port}`, { transports: ['websocket'] }).on('sync', () => received++);
  }
  process.on('message', (message) => {
    if (message === 'count') process.send!({ received });
    if (message === 'exit') process.exit(0);
  });
}

/** One variant in this process: prints a JSON line with the server's CPU. */
async function measure(patch: string | undefined): Promise<void> {
  if (patch) require(patch).installOneWritePerMessage();
  const { Server } = fromServer('socket.io');
  const http = createServer();
  const server = new Server(http, { perMessageDeflate: false });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const child = forkSelf(['clients', String((http.address() as { port: number }).port)]);
  while (server.of('/').sockets.size < SOCKETS) await delay(50);
  await delay(500);
  const payload =
    KIND === 'text'
      ? { type: 'round.updated', roundId: '6f1c0a52-7d0e-4a8e-9d4b-2f3f1f0e9a11', seq: 12, tally: { agree: 3, reservations: 1, object: 0, abstain: 0, pending: 1 } }
      : new Uint8Array(60).fill(7);
  const before = process.cpuUsage();
  for (let sent = 0; sent < MESSAGES; sent++) {
    server.emit('sync', payload);
    if (sent % PER_TURN === PER_TURN - 1) await delay(3);
  }
  await delay(500);
  const cpu = process.cpuUsage(before);
  child.send('count');
  const { received } = await new Promise<{ received: number }>((done) => child.once('message', done as never));
  child.send('exit');
  process.send!({ userMs: cpu.user / 1000, systemMs: cpu.system / 1000, received });
  process.exit(0);
}

async function main(): Promise<void> {
  console.log(`Room broadcasts — ${SOCKETS} sockets, ${MESSAGES} ${KIND === 'text' ? 'JSON events of ~150 bytes' : 'binary events of 60 bytes'}, ${PER_TURN} per turn, Node ${process.version}`);
  console.log('| run | variant | server CPU per delivery | user / system | delivered |\n|---|---|---|---|---|');
  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, patch] of Object.entries(VARIANTS)) {
      const child = forkSelf(['measure', patch ?? '']);
      const result = await new Promise<{ userMs: number; systemMs: number; received: number }>((done) => child.once('message', done as never));
      const total = result.userMs + result.systemMs;
      rows.push(
        `| ${run} | ${name} | ${((total * 1000) / (MESSAGES * SOCKETS)).toFixed(2)} µs | ${result.userMs.toFixed(0)} / ${result.systemMs.toFixed(0)} ms | ${result.received} / ${MESSAGES * SOCKETS} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
}

const [mode, argument] = process.argv.slice(2);
if (mode === 'clients') clients(Number(argument));
else if (mode === 'measure') void measure(argument || undefined);
else void main();
