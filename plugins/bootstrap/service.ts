import type { BootstrapJob, ListPageFetcherStats } from '../../runtime/index.js';
import { defineServiceKey, HttpError } from '../../runtime/index.js';
import type { CheckpointStore, OperationProgress } from './checkpoint-store.js';
import type { JobStore } from './job-store.js';
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
  job(id: number, workspaceId?: string): Promise<(JobView & { operations: OperationProgress[] }) | null>;
  cancel(id: number, workspaceId: string): Promise<JobView>;
  retry(id: number, workspaceId: string): Promise<JobView>;
  /** The workspace uninstalled the add-on: its jobs are cancelled and its checkpoints and records deleted. */
  forget(workspaceId: string): Promise<void>;
  records: RecordStore;
  fetcher(): ListPageFetcherStats;
}

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
    if (!job) throw new HttpError(404, 'BOOTSTRAP_JOB_NOT_FOUND', `no bootstrap job ${id} in your workspace`);
    return job;
  };
  return {
    plan: () => planSource.plan(),
    async start(workspaceId, reason) {
      const plan = await planSource.plan();
      const { job, created } = await jobs.create(workspaceId, reason, plan.operations);
      if (created) runner.wake();
      return { job: jobView(job), created };
    },
    jobs: async (workspaceId, limit = 20) => (await jobs.list(workspaceId, limit)).map((job) => jobView(job)),
    async job(id, workspaceId) {
      const job = await jobs.get(id, workspaceId);
      return job && { ...jobView(job), operations: await steps.byOperation(id) };
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
      return jobView(await found(id, workspaceId));
    },
    async retry(id, workspaceId) {
      const job = await found(id, workspaceId);
      if (!(await jobs.retry(id, workspaceId))) {
        throw new HttpError(409, 'BOOTSTRAP_JOB_NOT_FAILED', `bootstrap job ${id} is ${job.state}; only a failed job can be retried`);
      }
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
