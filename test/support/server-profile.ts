import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `--cpu-prof` writes its file only on a normal exit, and Nest re-raises SIGTERM after closing:
 * this preload starts the inspector's profiler and writes the profile from a SIGTERM listener.
 */
export function profilerPreload(directory: string): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'profile-preload.js');
  writeFileSync(
    file,
    `const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.prependListener('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(${JSON.stringify(directory)} + '/server-' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
  });
});
`,
  );
  return file;
}
