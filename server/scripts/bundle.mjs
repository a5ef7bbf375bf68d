// After `tsc`: the compiled server (dist/) as one CommonJS file, dist/bundle/main.js, which
// `npm start` runs through dist/launch.js with a V8 code cache (README, "Start-up"). Loading one
// file instead of some 4,000 modules (4,178 in `require.cache` at the first answer, against
// 76 with the bundle) is most of a fast start. The PGlite thread and the compaction thread are
// their own entries, beside it, where the code starting them looks for them (`__dirname`).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Left to node_modules: packages that read files beside their own code (`__dirname`), a native
// addon, PGlite's WebAssembly, and the optional integrations Nest requires only when installed.
const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'argon2',
  'swagger-ui-dist',
  '@touch4it/ical-timezones',
  'pdfkit',
  '@fastify/static',
  'class-transformer/storage',
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/mongoose',
  '@nestjs/sequelize/*',
  '@mikro-orm/core',
];

rmSync('dist/bundle', { recursive: true, force: true });
const result = await build({
  entryPoints: { main: 'dist/main.js', 'pglite-thread': 'dist/database/embedded/pglite-thread.js', 'fold-thread': 'dist/document-body/fold-thread.js' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Nest names providers and TypeORM names entities and migrations after their classes: keep
  // every class and function name. The rest is minified: half the bytes to read and compile at
  // each start (20 MB → 9.5 MB).
  keepNames: true,
  minify: true,
  metafile: process.env.BUNDLE_REPORT === '1',
  logLevel: 'warning',
  external: EXTERNAL,
});

if (result.metafile) {
  const sizes = new Map();
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    const key = path.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? path.split('/').slice(0, 2).join('/');
    sizes.set(key, (sizes.get(key) ?? 0) + input.bytes);
  }
  for (const [key, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${String(Math.round(bytes / 1024)).padStart(7)} KB  ${key}`);
  }
}
