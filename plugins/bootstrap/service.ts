import type { BootstrapJob, ListPageFetcherStats } from '../../runtime/index.js';
import { defineServiceKey, HttpError } from '../../runtime/index.js';
import type { CheckpointStore, OperationProgress } from './checkpoint-store.js';
import type { JobStore, ReopenOutcome } from './job-store.js';
import type { PlanSource, PlanView } from './plan-source.js';
import { type JobView, jobView } from './progress.js';
import type { RecordStore } from './record-store.js';
import type { Runner } from './runner.js';

/** What the plugin offers other code (tests, embedding): `addon.inject(bootstrapKey)`. */
export interface BootstrapService {
  plan(): Promise<PlanView>;
  /** Starts a job for the workspace, or answers the open one (`created: false`). */
  start(workspaceId: string, reason: string): Promise<{ job: JobView; created: boolean }>;
  jobs(workspaceId: string, limit?: number): Promise<JobView[]>;
  /** A job with its per-operation progress and the error of its first failed page (null when none failed). */
  job(id: number, workspaceId?: string): Promise<JobDetail | null>;
  cancel(id: number, workspaceId: string): Promise<JobView>;
  retry(id: number, workspaceId: string): Promise<JobView>;
  /** Continues a cancelled job from its checkpoints (pages already stored are not read again). */
  resume(id: number, workspaceId: string): Promise<JobView>;
  /** The workspace uninstalled the add-on: its jobs are cancelled and its checkpoints and records deleted. */
  forget(workspaceId: string): Promise<void>;
  records: RecordStore;
  fetcher(): ListPageFetcherStats;
  /** Jobs this instance is running now (no database read: cheap enough to poll). */
  running(): number;
}

export type JobDetail = JobView & { operations: OperationProgress[]; firstError: string | null };

export const bootstrapKey = defineServiceKey<BootstrapService>('bootstrap.service');

export function createBootstrapService({
  planSource,
  jobs,
  steps,
  records,
  runner,
  fetcherStats,
  onCancelled,
}: {
  planSource: PlanSource;
  jobs: JobStore;
  steps: CheckpointStore;
  records: RecordStore;
  runner: Runner;
  fetcherStats: () => ListPageFetcherStats;
  onCancelled: (count: number) => void;
}): BootstrapService {
  const found = async (id: number, workspaceId?: string): Promise<BootstrapJob> => {
    const job = await jobs.get(id, workspaceId);
    if (!job) throw jobNotFound(id);
    return job;
  };
  return {
    plan: () => planSource.plan(),
    running: () => runner.running(),
    async start(workspaceId, reason) {
      const plan = await planSource.plan();
      const { job, created } = await jobs.create(workspaceId, reason, plan.operations);
      if (created) runner.wake();
      return { job: jobView(job), created };
    },
    jobs: async (workspaceId, limit = 20) => (await jobs.list(workspaceId, limit)).map((job) => jobView(job)),
    async job(id, workspaceId) {
      const job = await jobs.get(id, workspaceId);
      if (!job) return null;
      return { ...jobView(job), operations: await steps.byOperation(id), firstError: (await steps.firstError(id)) ?? null };
    },
    async cancel(id, workspaceId) {
      const job = await found(id, workspaceId);
      const cancelled = await jobs.cancel(workspaceId, id);
      if (cancelled.length === 0) {
        throw new HttpError(
          409,
          'BOOTSTRAP_JOB_FINISHED',
          `bootstrap job ${id} is ${job.state}; only queued or running jobs can be cancelled`,
        );
      }
      onCancelled(cancelled.length);
      await runner.abort(cancelled);
      // The cancel committed, so no page of the job is stored any more: these counters are where it stopped.
      await jobs.recount(id);
      return jobView(await found(id, workspaceId));
    },
    async retry(id, workspaceId) {
      const job = await found(id, workspaceId);
      const outcome = await jobs.retry(id, workspaceId);
      if (!outcome.reopened) throw reopenRefused(job, outcome, 'retry');
      runner.wake();
      return jobView(await found(id, workspaceId));
    },
    async resume(id, workspaceId) {
      const job = await found(id, workspaceId);
      const outcome = await jobs.resume(id, workspaceId);
      if (!outcome.reopened) throw reopenRefused(job, outcome, 'resume');
      runner.wake();
      return jobView(await found(id, workspaceId));
    },
    async forget(workspaceId) {
      // Cancelled first: a page being stored now either committed before (and is deleted below) or finds the job cancelled.
      const cancelled = await jobs.cancel(workspaceId);
      onCancelled(cancelled.length);
      await runner.abort(cancelled);
      await jobs.purgeCheckpoints(workspaceId);
      await records.removeWorkspace(workspaceId);
    },
    records,
    fetcher: fetcherStats,
  };
}

function reopenRefused(job: BootstrapJob, outcome: Exclude<ReopenOutcome, { reopened: true }>, action: 'retry' | 'resume'): HttpError {
  if (outcome.reason === 'open-job') return jobActive(jobView(outcome.open));
  if (outcome.reason === 'no-checkpoints') {
    return new HttpError(
      409,
      'BOOTSTRAP_JOB_NOT_RESUMABLE',
      `bootstrap job ${job.id} has no checkpoints left (the add-on was uninstalled since); start a new job`,
    );
  }
  return action === 'retry'
    ? new HttpError(409, 'BOOTSTRAP_JOB_NOT_FAILED', `bootstrap job ${job.id} is ${job.state}; only a failed job can be retried`)
    : new HttpError(409, 'BOOTSTRAP_JOB_NOT_CANCELLED', `bootstrap job ${job.id} is ${job.state}; only a cancelled job can be resumed`);
}

/** 409: the workspace already has an open job (`details.job`), so no other can start or reopen. */
export function jobActive(open: JobView): HttpError {
  return new HttpError(409, 'BOOTSTRAP_JOB_ACTIVE', `bootstrap job ${open.id} of your workspace is ${open.state}; cancel it first`, {
    details: { job: open },
  });
}

export function jobNotFound(id: number): HttpError {
  return new HttpError(404, 'BOOTSTRAP_JOB_NOT_FOUND', `no bootstrap job ${id} in your workspace`);
}
