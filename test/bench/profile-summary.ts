/*
 * Sums a V8 CPU profile (.cpuprofile, as BENCH_PROFILE / ROUNDS_BENCH_PROFILE write the server's)
 * over a window of seconds, so that one phase of a bench (opening tabs, casting…) is read apart
 * from the start-up and the idle time around it.
 *
 *   npm run bench:profile-summary -w test -- /tmp/prof/server-123.cpuprofile            busy share per second
 *   npm run bench:profile-summary -w test -- /tmp/prof/server-123.cpuprofile 11-42      top functions in 11–42 s
 *
 * With a window it prints, in % of the busy samples in it, the functions by self time and by
 * inclusive time (each function counted once per sample, however deep it recurses).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TOP = 45;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'} ${where}:${lineNumber}`;
}

/** Each sample with its time (seconds since the profile started) and its node. */
function* samples(profile: CpuProfile): Generator<{ second: number; nodeId: number }> {
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    yield { second: (time - profile.startTime) / 1e6, nodeId: profile.samples[index] };
  }
}

const isIdle = (node: ProfileNode) => node.callFrame.functionName === '(idle)';

function busyPerSecond(profile: CpuProfile, nodes: Map<number, ProfileNode>): void {
  const seconds = new Map<number, { busy: number; all: number }>();
  for (const { second, nodeId } of samples(profile)) {
    const bucket = seconds.get(Math.floor(second)) ?? { busy: 0, all: 0 };
    bucket.all++;
    if (!isIdle(nodes.get(nodeId)!)) bucket.busy++;
    seconds.set(Math.floor(second), bucket);
  }
  for (const [second, { busy, all }] of seconds) console.log(`${String(second).padStart(4)} s  ${((busy / all) * 100).toFixed(0).padStart(3)} % busy`);
}

function topFunctions(profile: CpuProfile, nodes: Map<number, ProfileNode>, from: number, to: number): void {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const { second, nodeId } of samples(profile)) {
    const node = nodes.get(nodeId)!;
    if (second < from || second > to || isIdle(node)) continue;
    busy++;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const name = frameName(nodes.get(id)!);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      seen.add(name);
    }
  }
  const print = (title: string, counts: Map<string, number>) => {
    console.log(`--- ${title}`);
    for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`${((count / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
  };
  console.log(`${busy} busy samples between ${from} and ${to} s`);
  print('self', self);
  print('inclusive', inclusive);
}

function main(): void {
  const [file, window] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [from-to seconds]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  if (!window) return busyPerSecond(profile, nodes);
  const [from, to] = window.split('-').map(Number);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new Error(`window: expected from-to in seconds, got "${window}"`);
  topFunctions(profile, nodes, from, to);
}

main();
