import type { BootstrapJob, ClockifyClient, PlannedOperation } from '../../runtime/index.js';
import type { Step } from './checkpoint-store.js';
import { fetchPage, PageFailure } from './fetch-page.js';
import type { JobRunDependencies } from './job-run.js';
import { planFollowers } from './plan-followers.js';

export interface PageRunnerContext extends JobRunDependencies {
  client: ClockifyClient;
  plan: ReadonlyMap<string, PlannedOperation>;
  signal: AbortSignal;
  /** The job is no longer this instance's to run (a commit found it cancelled or leased elsewhere). */
  lost(): void;
}

/** The pages of one job in flight: each fetched, stored with what it makes known, or retried later or failed. */
export function createPageRunner(job: BootstrapJob, context: PageRunnerContext) {
  const { steps, writer, fetcher, client, plan, options, metrics, log, signal, lost } = context;
  const running = new Set<Promise<void>>();
  const ends = new Map<string, number>();
  const tries = new Map<number, number>();
  let changed = false;

  async function readStep(step: Step): Promise<void> {
    const started = performance.now();
    const operation = plan.get(step.operationId);
    try {
      if (!operation) throw new PageFailure(`${step.operationId} is not in the job's plan`, false, 0, 0);
      const page = await fetchPage({ client, fetcher, operation, step, signal });
      metrics.requests(page.attempts, page.rateLimited);
      const list = `${step.operationId}\u0000${step.parentId}`;
      const { followers, endsList, note } = planFollowers({
        operation,
        step,
        records: page.records,
        plan,
        ...options,
        knownEnd: ends.get(list),
      });
      if (endsList) ends.set(list, Math.min(ends.get(list) ?? step.page, step.page));
      const committing = performance.now();
      const { id: jobId, workspaceId } = job;
      const { id: stepId, operationId, parentId } = step;
      const { records, attempts } = page;
      const outcome = await writer.write({
        jobId,
        workspaceId,
        stepId,
        operationId,
        resource: operation.resource,
        parentId,
        page: step.page,
        records,
        attempts,
        note,
        followers,
        endsList,
      });
      metrics.commit((performance.now() - committing) / 1000);
      if (outcome === 'job-lost') lost();
      if (outcome === 'stored') {
        metrics.page(step.operationId, 'stored', (performance.now() - started) / 1000);
        metrics.records(operation.resource, page.records.length);
      }
    } catch (error) {
      if (signal.aborted) return;
      const failure = error instanceof PageFailure ? error : new PageFailure((error as Error).message, true, 0, 0);
      if (!(error instanceof PageFailure)) log.warn({ err: error }, 'storing a bootstrap page failed');
      await giveUpOrRetry(step, failure);
    }
  }

  async function giveUpOrRetry(step: Step, failure: PageFailure): Promise<void> {
    metrics.requests(failure.attempts, failure.rateLimited);
    const attempt = (tries.get(step.id) ?? 0) + 1;
    tries.set(step.id, attempt);
    const error = failure.message.slice(0, 1000);
    if (failure.retryable && attempt < options.stepAttempts) {
      metrics.page(step.operationId, 'retried', 0);
      await steps.retryLater(step.id, { attempts: failure.attempts, error, at: new Date(Date.now() + options.retryDelayMs * attempt) });
    } else {
      metrics.page(step.operationId, 'failed', 0);
      log.warn({ operation: step.operationId, parentId: step.parentId, page: step.page, error }, 'bootstrap page failed');
      await steps.fail(step.id, { attempts: failure.attempts, error });
    }
  }

  return {
    launch(step: Step): void {
      const task: Promise<void> = readStep(step)
        .catch((error) => log.error({ err: error }, 'bootstrap page could not be recorded'))
        .finally(() => {
          running.delete(task);
          changed = true;
        });
      running.add(task);
    },
    inFlight: () => running.size,
    /** True once since a page ended: new followers may be waiting. */
    changed(): boolean {
      const was = changed;
      changed = false;
      return was;
    },
    settled: () => Promise.race(running),
    drain: () => Promise.allSettled(running).then(() => undefined),
  };
}
