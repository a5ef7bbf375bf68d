import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import * as vm from 'node:vm';
import { validateEnvironment } from './config/environment';
import { REPO_ROOT } from './config/paths';
import { embeddedDirectory } from './database/embedded/directory';
import { startThreadEarly, threadWanted } from './database/embedded/thread-worker';

/**
 * `npm start`'s entry. Runs the server from its one-file bundle (dist/bundle/main.js, written
 * by scripts/bundle.mjs after `tsc`) with a V8 code cache beside it: the first start compiles
 * and, once the server listens, keeps the compiled code; later starts skip parsing and
 * compiling most of it (README, "Start-up"). Without a bundle, runs dist/main.js as it is.
 */
const BUNDLE = join(__dirname, 'bundle', 'main.js');
const CACHE = `${BUNDLE}.cache`;
/** Which bundle and which Node the cache was made for: another one must not use it. */
const STAMP = `${CACHE}.json`;

interface BundleExports {
  start(): Promise<void>;
}

function launch(): Promise<void> {
  if (!existsSync(BUNDLE)) return (require('./main') as BundleExports).start();
  startEmbeddedDatabaseEarly();
  const stamp = stampOf(BUNDLE);
  const cachedData = readCache(stamp);
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(BUNDLE));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  bundle.loaded = true;
  const started = (bundle.exports as BundleExports).start();
  if (cachedData && !script.cachedDataRejected) return started;
  // After the start, the cache holds every function the start compiled, not only the top level.
  return started.then(() => writeCache(script, stamp));
}

/**
 * On the embedded database, its thread starts now: PGlite's WebAssembly start then overlaps the
 * loading of the bundle instead of following it, and the server adopts the thread. The
 * environment is read as the server's configuration reads it (the repository's .env, then the
 * process's variables over it); if it is invalid, nothing starts here and the server says why.
 */
function startEmbeddedDatabaseEarly(): void {
  try {
    const envFile = join(REPO_ROOT, '.env');
    const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
    const environment = validateEnvironment({ ...fromFile, ...process.env });
    if (environment.DATABASE_URL || !threadWanted()) return;
    startThreadEarly(join(dirname(BUNDLE), 'pglite-thread.js'), embeddedDirectory(environment.DATA_DIR));
  } catch {
    // The server validates the environment again and reports what is wrong.
  }
}

function stampOf(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return JSON.stringify({ size, mtimeMs, node: process.version, v8: process.versions.v8, arch: process.arch });
}

function readCache(stamp: string): Buffer | undefined {
  try {
    return readFileSync(STAMP, 'utf8') === stamp ? readFileSync(CACHE) : undefined;
  } catch {
    return undefined;
  }
}

/** Written aside then renamed: two servers starting at once never read half a cache. */
function writeCache(script: vm.Script, stamp: string): void {
  try {
    const temporary = `${CACHE}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, CACHE);
    writeFileSync(`${STAMP}.${process.pid}`, stamp);
    renameSync(`${STAMP}.${process.pid}`, STAMP);
  } catch {
    // A read-only installation starts without the cache, a little slower: nothing to report.
  }
}

void launch();
