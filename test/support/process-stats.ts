import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

/** CPU seconds (user + system) a process has used so far and its resident memory, from /proc (Linux). */
export function processStats(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/pid/stat (index 11 and 12 after the name), rss 24.
  return {
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    rssBytes: Number(fields[21]) * PAGE_SIZE,
  };
}
