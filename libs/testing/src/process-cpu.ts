import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc times (USER_HZ), 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a running process has used so far, in milliseconds, from
 * /proc/<pid>/stat: a benchmark reads it before and after a run to divide a service's CPU by the
 * messages it handled. Resolution 10 ms: read over runs of seconds.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of proc(5); index 0 here is field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`/proc/${pid}/stat has no readable utime/stime: ${stat.slice(0, 120)}`);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
