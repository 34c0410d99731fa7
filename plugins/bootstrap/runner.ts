import { setImmediate } from 'node:timers/promises';
import type { BootstrapJob, Logger } from '../../runtime/index.js';
import type { JobStore } from './job-store.js';

export interface Runner {
  /** Releases leases a crash left (SQLite), then claims jobs every `pollIntervalMs`. */
  start(options: { releaseLeases: boolean }): Promise<void>;
  /** Stops every job of this instance where it stands and gives their leases up (they resume on the next start). */
  stop(): Promise<void>;
  /** Claims now instead of at the next poll (a job was just created, retried or resumed). */
  wake(): void;
  /** Stops this instance's runs of these jobs (cancelled) and waits until they have let go. */
  abort(jobIds: readonly number[]): Promise<void>;
  running(): number;
}

interface Active {
  controller: AbortController;
  done: Promise<void>;
}

/** Claims open jobs up to `maxJobs` at a time and runs each with `run`, which returns once the job ends or is stopped. */
export function createRunner({
  jobs,
  run,
  maxJobs,
  pollIntervalMs,
  log,
  onBusy,
  onIdle,
}: {
  jobs: JobStore;
  run: (job: BootstrapJob, signal: AbortSignal) => Promise<void>;
  maxJobs: number;
  pollIntervalMs: number;
  log: Logger;
  /** Called before the first job of a busy spell starts, and when the last running one ends (e.g. worker threads). */
  onBusy?: () => unknown;
  onIdle?: () => unknown;
}): Runner {
  const active = new Map<number, Active>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let again = false;
  let stopped = true;

  const hook = (fn?: () => unknown) => Promise.resolve(fn?.()).catch((error) => log.warn({ err: error }, 'bootstrap runner hook failed'));

  async function launch(job: BootstrapJob): Promise<void> {
    // A job cancelled on another instance and resumed at once can be claimed here again while this instance's earlier
    // run has not yet noticed the cancel (it would at its next renewal): that run stops first, two never share a job.
    const previous = active.get(job.id);
    if (previous) {
      previous.controller.abort(new Error('the job was resumed'));
      await previous.done;
    }
    const controller = new AbortController();
    if (active.size === 0) await hook(onBusy);
    const done = run(job, controller.signal)
      .catch((error) => log.error({ err: error, jobId: job.id }, 'bootstrap job crashed'))
      .finally(() => {
        active.delete(job.id);
        if (active.size === 0) void hook(onIdle);
        if (!stopped) wake();
      });
    active.set(job.id, { controller, done });
  }

  async function claim(): Promise<void> {
    const free = maxJobs - active.size;
    if (free <= 0) return;
    // One job's start (its client, checkpoints, first pages) per turn of the event loop: on SQLite the store's calls
    // never wait on I/O, so ten jobs claimed together would otherwise start in one long turn.
    for (const job of await jobs.claim(free)) {
      await launch(job);
      await setImmediate();
    }
  }

  function poll(): void {
    clearTimeout(timer);
    if (stopped) return;
    if (polling) {
      again = true;
      return;
    }
    polling = claim()
      .catch((error) => log.warn({ err: error }, 'claiming bootstrap jobs failed'))
      .finally(() => {
        polling = undefined;
        if (stopped) return;
        timer = setTimeout(poll, again ? 0 : pollIntervalMs);
        timer.unref();
        again = false;
      });
  }

  function wake(): void {
    poll();
  }

  return {
    async start({ releaseLeases }) {
      if (releaseLeases) {
        const released = await jobs.releaseAll();
        if (released) log.info({ released }, 'resuming bootstrap jobs a previous run left');
      }
      stopped = false;
      poll();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await polling;
      const runs = [...active.entries()];
      for (const [, { controller }] of runs) controller.abort(new Error('the add-on is shutting down'));
      await Promise.all(runs.map(([, { done }]) => done));
      await Promise.all(runs.map(([id]) => jobs.release(id).catch((error) => log.warn({ err: error, jobId: id }, 'lease not released'))));
    },
    wake,
    async abort(jobIds) {
      const runs = jobIds.flatMap((id) => active.get(id) ?? []);
      for (const { controller } of runs) controller.abort(new Error('the job was cancelled'));
      await Promise.all(runs.map(({ done }) => done));
    },
    running: () => active.size,
  };
}
