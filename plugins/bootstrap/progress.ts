import type { BootstrapJob } from '../../runtime/index.js';

/** A job as the admin API shows it. */
export interface JobView {
  id: number;
  workspaceId: string;
  state: string;
  reason: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: {
    /** Pages stored, out of the pages known so far: a list reveals how many pages it has as it is read. */
    stepsDone: number;
    stepsTotal: number;
    stepsFailed: number;
    records: number;
    requests: number;
    /** Attempts that did not store a page (429s, 5xx, timeouts, refused pages). */
    errors: number;
    requestsPerSecond: number;
    recordsPerSecond: number;
    /** Seconds left at the current pace for the pages known so far; null when not running or no pace yet. */
    etaSeconds: number | null;
  };
}

/** The job row and its counters (refreshed by the running instance every `progressIntervalMs`), with rates and an ETA. */
export function jobView(job: BootstrapJob, now = Date.now()): JobView {
  const started = job.startedAt ? new Date(job.startedAt).getTime() : undefined;
  const ended = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  const seconds = started === undefined ? 0 : Math.max(0.001, (ended - started) / 1000);
  const perSecond = (count: number) => (seconds > 0 ? round(count / seconds) : 0);
  const remaining = job.stepsTotal - job.stepsDone - job.stepsFailed;
  const pace = seconds > 0 ? job.stepsDone / seconds : 0;
  return {
    id: job.id,
    workspaceId: job.workspaceId,
    state: job.state,
    reason: job.reason,
    createdAt: iso(job.createdAt) as string,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    error: job.error ?? null,
    progress: {
      stepsDone: job.stepsDone,
      stepsTotal: job.stepsTotal,
      stepsFailed: job.stepsFailed,
      records: job.records,
      requests: job.requests,
      errors: job.errors,
      requestsPerSecond: perSecond(job.requests),
      recordsPerSecond: perSecond(job.records),
      etaSeconds: job.state === 'running' && pace > 0 ? round(Math.max(0, remaining) / pace) : null,
    },
  };
}

function iso(value: Date | string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
