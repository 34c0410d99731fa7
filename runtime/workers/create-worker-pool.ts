import type { Piscina } from 'piscina';

export interface WorkerPoolOptions {
  /** Threads at most. */
  threads: number;
  /** Threads started with the pool and kept (default 0: started on demand, let go after `idleTimeoutMs`). */
  minThreads?: number;
  /** Tasks one thread runs at once: more than one only for tasks that mostly wait (network I/O). */
  tasksPerThread?: number;
  idleTimeoutMs?: number;
  /** Handed to the threads as `workerData.niceIncrement`: a task module that honours it lowers its thread's priority. */
  niceIncrement?: number;
}

/**
 * A Piscina pool running the default export of `filename`. A TypeScript task file needs tsx in the worker too:
 * workers inherit the parent's `execArgv`, which carries tsx's loader under `tsx …` but not under vitest or
 * `bin/addon.js` (tsx registered through its API there), so `--import tsx` is added when it is missing (STACK.md, gotcha 12).
 * Piscina is imported on first use: it costs about 200 ms, which an add-on that never starts a pool should not pay at start.
 */
export async function createWorkerPool<Task, Result>(
  filename: URL,
  { threads, minThreads = 0, tasksPerThread = 1, idleTimeoutMs = 30_000, niceIncrement = 0 }: WorkerPoolOptions,
): Promise<Piscina<Task, Result>> {
  const { Piscina } = await import('piscina');
  const typescript = filename.pathname.endsWith('.ts');
  const hasLoader = process.execArgv.some((argument) => argument.includes('tsx'));
  return new Piscina<Task, Result>({
    filename: filename.href,
    minThreads,
    maxThreads: threads,
    idleTimeout: idleTimeoutMs,
    concurrentTasksPerWorker: tasksPerThread,
    workerData: { niceIncrement },
    // Tasks that await I/O need the worker's event loop between them; Atomics.wait would freeze it (piscina README).
    atomics: 'disabled',
    ...(typescript && !hasLoader ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
}
