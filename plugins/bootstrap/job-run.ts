import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BootstrapJob, ClockifyClient, ClockifyClients, ListPageFetcher, Logger, PlannedOperation } from '../../runtime/index.js';
import type { CheckpointStore, Step } from './checkpoint-store.js';
import type { JobStore } from './job-store.js';
import type { BootstrapMetrics } from './metrics.js';
import type { BootstrapOptions } from './options.js';
import { createPageRunner } from './page-runner.js';
import type { PageWriter } from './page-writer.js';

export interface JobRunDependencies {
  jobs: JobStore;
  steps: CheckpointStore;
  writer: PageWriter;
  clients: ClockifyClients;
  fetcher: ListPageFetcher;
  options: Pick<BootstrapOptions, 'concurrency' | 'lookahead' | 'stepAttempts' | 'retryDelayMs' | 'progressIntervalMs'>;
  metrics: BootstrapMetrics;
  log: Logger;
}

/**
 * Runs one claimed job until no page is left, the job is cancelled, its lease is lost or `signal` stops it (shutdown).
 * Up to `concurrency` pages are in flight, taken from the checkpoints earliest page first; each stored page queues what
 * it makes known. Pages a previous owner left `running` are read again; pages already `done` never are.
 */
export async function runJob(job: BootstrapJob, signal: AbortSignal, dependencies: JobRunDependencies): Promise<void> {
  const { jobs, steps, options } = dependencies;
  const log = dependencies.log.child({ jobId: job.id, workspaceId: job.workspaceId });
  const plan = new Map((JSON.parse(job.plan) as PlannedOperation[]).map((operation) => [operation.operationId, operation]));
  let client: ClockifyClient;
  try {
    client = await dependencies.clients.forWorkspace(job.workspaceId);
  } catch (error) {
    // Nothing was fetched: the API host is refused or the installation is gone. A retry of the job tries again.
    log.warn({ err: error }, 'bootstrap job cannot call the Clockify API');
    await finish(job, dependencies, `cannot call the Clockify API: ${(error as Error).message}`);
    return;
  }
  await steps.resetRunning(job.id);
  const stop = new AbortController();
  // Every page in flight listens for the stop, several times over (governor wait, exchange): not a leak.
  setMaxListeners(options.concurrency * 4 + 10, stop.signal);
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  const onOuterAbort = () => stop.abort(signal.reason);
  signal.addEventListener('abort', onOuterAbort, { once: true });
  const renewal = setInterval(() => {
    void jobs
      .counters(job.id)
      .then((counters) => jobs.renew(job.id, counters))
      .then((held) => held || lost())
      .catch((error) => log.warn({ err: error }, 'bootstrap progress update failed'));
  }, options.progressIntervalMs);
  const lost = () => stop.abort(new Error('the job was cancelled or another instance took it over'));
  const pages = createPageRunner(job, { ...dependencies, log, client, plan, signal: stop.signal, lost });
  // Pages are taken a full `concurrency` at a time and launched as slots free up: one take (a write transaction) per
  // batch rather than per page. Taken pages wait here as `running`, as those in flight do, and go back to pending the
  // same way if the job stops.
  const taken: Step[] = [];
  try {
    for (let more = true; !stop.signal.aborted; ) {
      if (taken.length === 0 && pages.inFlight() < options.concurrency && (more || pages.changed())) {
        const batch = await steps.take(job.id, options.concurrency);
        taken.push(...batch);
        more = batch.length === options.concurrency;
      }
      while (taken.length > 0 && pages.inFlight() < options.concurrency) pages.launch(taken.shift() as Step);
      if (pages.inFlight() > 0) {
        await Promise.race([pages.settled(), stopped]);
        continue;
      }
      const due = await steps.nextDue(job.id);
      if (due === undefined) break;
      if (due) await sleep(due.getTime() - Date.now(), undefined, { signal: stop.signal }).catch(() => undefined);
      more = true;
    }
  } finally {
    clearInterval(renewal);
    signal.removeEventListener('abort', onOuterAbort);
    await pages.drain();
  }
  if (stop.signal.aborted) log.info({ reason: reasonOf(stop.signal) }, 'bootstrap job stopped');
  else await finish(job, dependencies);
}

function reasonOf(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
}

/** Ends the job: `done`, or `failed` when a page could not be read (or no call could be made: `fatal`). */
async function finish(job: BootstrapJob, { jobs, steps, metrics, log }: JobRunDependencies, fatal?: string): Promise<void> {
  const counters = await jobs.counters(job.id);
  const failed = fatal !== undefined || counters.stepsFailed > 0;
  const error =
    fatal ??
    (counters.stepsFailed > 0
      ? `${counters.stepsFailed} of ${counters.stepsTotal} pages could not be read (first: ${await steps.firstError(job.id)}); a retry reads them again`
      : null);
  if (await jobs.finish(job.id, { state: failed ? 'failed' : 'done', error, counters })) {
    metrics.jobFinished(failed ? 'failed' : 'done');
    log.info({ ...counters, state: failed ? 'failed' : 'done' }, 'bootstrap job finished');
  }
}
