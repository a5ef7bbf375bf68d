/*
 * Reading a long log (issue #14): what folding a document's stored parts costs the event loop,
 * on the main thread (`foldParts`) against through the fold thread (`UpdateFolder`, which
 * `DocumentBodyService.readStored` uses from 200 parts on).
 *
 * For each FOLD_BENCH_SIZES (default 200,500,2000): a 20,000-character snapshot and that many
 * one-word updates, folded FOLD_BENCH_RUNS times (default 10) each way, alternated. It prints the
 * main thread's busy milliseconds per fold (the inline fold's duration; for the thread, the event
 * loop's active time while the fold is awaited: the copy of the parts, the message, and whatever
 * else the process does meanwhile, such as a collection) and the thread's round trip.
 *
 *   npm run build -w server && npm run bench:fold -w test
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const SERVER = join(resolve(__dirname, '..', '..'), 'server');
const SIZES = (process.env.FOLD_BENCH_SIZES ?? '200,500,2000').split(',').map(Number);
const RUNS = Number(process.env.FOLD_BENCH_RUNS ?? 10);

const fromServer = (name: string) => require(require.resolve(name, { paths: [SERVER] }));
const Y = fromServer('yjs');
const { foldParts } = require(join(SERVER, 'dist', 'document-body', 'fold-parts.js'));
const { UpdateFolder } = require(join(SERVER, 'dist', 'document-body', 'update-folder.js'));

/** A snapshot of a 20,000-character paragraph, then `updates` one-word appends, as stored. */
function storedParts(updates: number): Uint8Array[] {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('default').push([paragraph]);
  const text = new Y.XmlText();
  paragraph.push([text]);
  text.insert(0, 'x'.repeat(20_000));
  const parts: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  for (let index = 0; index < updates; index++) text.insert(text.length, ` mot${index}`);
  return parts;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

async function main(): Promise<void> {
  const folder = new UpdateFolder();
  await folder.fold(storedParts(1)); // the thread starts at its first fold
  if (!folder.threaded) throw new Error('the fold thread did not start: build the server first');
  for (const size of SIZES) {
    const parts = storedParts(size);
    const inline: number[] = [];
    const busy: number[] = [];
    const roundTrip: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      foldParts(parts);
      inline.push(performance.now() - started);
      const before = performance.eventLoopUtilization();
      const sent = performance.now();
      await folder.fold(parts);
      roundTrip.push(performance.now() - sent);
      busy.push(performance.eventLoopUtilization(before).active);
    }
    console.log(
      `${size} updates: main thread ${median(inline).toFixed(1)} ms inline (${range(inline)}), ` +
        `${median(busy).toFixed(1)} ms through the thread (${range(busy)}); round trip ${median(roundTrip).toFixed(1)} ms (${range(roundTrip)})`,
    );
  }
  await folder.onApplicationShutdown();
}

void main();
