import { readdirSync, readFileSync } from 'node:fs';

// Linux reports CPU times in clock ticks; 100 a second on every kernel configuration in use.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** The CPU time, in ms, in the text of a process's `/proc/<pid>/stat`. */
function cpuMsOfStat(stat: string): number {
  // The command name is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** The most resident memory a process has held, in MiB (VmHWM); null once it is gone. */
export function peakRssMiB(pid: number): number | null {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** The name Linux gives every process of a PostgreSQL server: postmaster, backends, writers. */
const POSTGRES_COMMAND = 'postgres';

/**
 * CPU time used so far by each process of the PostgreSQL server on this machine, in ms, by
 * pid. Backends that start later are counted from zero; one that exits before the second
 * reading is lost (the services keep their pools open under load, so that is rare).
 */
export function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (command === POSTGRES_COMMAND) byPid.set(Number(entry), cpuMsOfStat(stat));
  }
  return byPid;
}

/** The CPU the server used between two readings of postgresCpuMs, in ms. */
export function postgresCpuMsBetween(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Whether a database URL names this machine, so that its server's processes can be read. */
export function isLocalDatabase(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '';
}
