import { readFileSync } from 'node:fs';

// Linux reports a process's CPU time in clock ticks of USER_HZ, which is 100 on every architecture it supports.
const MS_PER_TICK = 10;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, read from /proc; undefined where there is
 * no /proc. Throughput alone hides where a shared machine's cores went; CPU per request does not.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}

/** Runs `work` and returns its result with the CPU time `pid` spent meanwhile (undefined without /proc). */
export async function withCpuOf<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | undefined }> {
  const before = processCpuMs(pid);
  const result = await work();
  const after = processCpuMs(pid);
  return { result, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

/** CPU per request in µs, from a round's CPU time and its answered requests; undefined without /proc. */
export function perRequestUs(cpuMs: number | undefined, requests: number): number | undefined {
  return cpuMs === undefined || requests === 0 ? undefined : (cpuMs * 1000) / requests;
}
