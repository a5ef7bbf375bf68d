// Writes a Brotli (.br) and a gzip (.gz) twin of every compressible built asset, once at build
// time, so the server sends compressed bytes without compressing on each request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ASSETS = new URL('../dist/assets/', import.meta.url);
const COMPRESSIBLE = /\.(js|css|svg|json|woff|ttf)$/;
// Below this, headers cost more than compression saves.
const MIN_BYTES = 1024;

let raw = 0;
let brotli = 0;
let gzip = 0;
for (const name of readdirSync(ASSETS)) {
  const path = join(ASSETS.pathname, name);
  if (!COMPRESSIBLE.test(name) || statSync(path).size < MIN_BYTES) continue;
  const content = readFileSync(path);
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gz = gzipSync(content, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  raw += content.length;
  brotli += br.length;
  gzip += gz.length;
}
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
console.log(`compressed assets: ${kb(raw)} -> brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
