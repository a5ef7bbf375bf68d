// `npm start` rebuilds only when a source or a build setting changed since the last build: a
// fingerprint of every input file's path, size and modification time is kept beside
// node_modules, and the three build outputs must still be there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.cache', 'coupole-build-stamp');
const INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'shared/src',
  'shared/package.json',
  'shared/tsconfig.json',
  'shared/tsconfig.build.json',
  'server/src',
  'server/package.json',
  'server/tsconfig.json',
  'server/tsconfig.build.json',
  'server/scripts',
  'client/src',
  'client/index.html',
  'client/public',
  'client/scripts',
  'client/package.json',
  'client/tsconfig.json',
  'client/vite.config.ts',
];
const OUTPUTS = ['shared/dist/index.js', 'server/dist/launch.js', 'server/dist/bundle/main.js', 'client/dist/index.html'];

function* files(path) {
  if (!existsSync(path)) return;
  const stats = statSync(path);
  if (!stats.isDirectory()) {
    yield [path, stats];
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const [path, stats] of files(join(root, input))) hash.update(`${relative(root, path)}\0${stats.size}\0${stats.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const current = fingerprint();
const built = OUTPUTS.every((output) => existsSync(join(root, output)));
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built && previous === current) {
  console.log('Coupole: build up to date, starting.');
} else {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, current);
}
