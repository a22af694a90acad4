// CPU time used by processes on this machine, from /proc (Linux): to say where a request's time
// goes — the server, PostgreSQL, or the load tool itself.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of one process, or 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The pids of every running process whose command name is `name` (e.g. every PostgreSQL backend). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

/**
 * CPU seconds used by each group of processes while `work` runs. PostgreSQL's backends come and
 * go, so its group is read by name at both ends (a backend that exits mid-way is not counted).
 */
export async function cpuDuring<T>(groups: Record<string, () => number[]>, work: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = new Map<string, Map<number, number>>();
  for (const [group, pids] of Object.entries(groups)) before.set(group, new Map(pids().map((p) => [p, cpuSecondsOf(p)])));
  const self0 = process.cpuUsage();
  const result = await work();
  const self = process.cpuUsage(self0);
  const cpu: Record<string, number> = { 'load tool': (self.user + self.system) / 1e6 };
  for (const [group, pids] of Object.entries(groups)) {
    const start = before.get(group)!;
    cpu[group] = pids().reduce((sum, p) => sum + cpuSecondsOf(p) - (start.get(p) ?? 0), 0);
  }
  return { result, cpu };
}
