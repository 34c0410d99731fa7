import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux shows each thread's nice value under /proc; elsewhere the priority tests are skipped. */
export const threadPrioritiesVisible = existsSync('/proc/self/task');
if (!threadPrioritiesVisible) console.warn('/proc/self/task is absent: the thread priority cases are skipped');

/** The nice value of one thread of this process (the main thread's id is the process id). */
export function niceOfThread(tid: number): number {
  // Fields after the command name, which may hold spaces: state is the first, nice the 17th.
  const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[16]);
}

/** The nice values of every thread of this process. */
export function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => niceOfThread(Number(tid)));
}
