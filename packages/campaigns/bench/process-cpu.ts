import { readdirSync, readFileSync } from 'node:fs';

const TICK_MICROS = 1e6 / 100; // USER_HZ is 100 on Linux

/**
 * CPU time (user + system, µs) used so far by every process whose command name is one of `names`
 * (from /proc, so Redis's and PostgreSQL's share of a run can be reported). 0 off Linux.
 */
export function processCpuMicros(names: readonly string[]): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(open + 1, close);
      if (!names.some((n) => comm.startsWith(n))) continue;
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] is the state (field 3); utime and stime are fields 14 and 15
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * TICK_MICROS;
}
