/**
 * The bootstrap admin API's answers as the component reads them (plugins/bootstrap/README.md, "Progress" and "The
 * plan"). Written out here rather than imported: the UI bundle must not pull in server modules. tests/contract/ui-wire-types.test.ts
 * checks at type-check time that the server's answers still fit them.
 */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  /** Pages stored, out of the pages known so far (a list reveals its length as it is read). */
  stepsDone: number;
  stepsTotal: number;
  stepsFailed: number;
  records: number;
  requests: number;
  /** Attempts that did not store a page (429s, 5xx, timeouts). */
  errors: number;
  requestsPerSecond: number;
  recordsPerSecond: number;
  /** Null when the job is not running or has no pace yet. */
  etaSeconds: number | null;
}

export interface Job {
  id: number;
  workspaceId: string;
  state: JobState;
  /** `installed` or `manual`. */
  reason: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: JobProgress;
}

export interface OperationProgress {
  operationId: string;
  pagesDone: number;
  pagesTotal: number;
  pagesFailed: number;
  records: number;
}

/** `GET …/jobs/:id`: the job with its progress per list and the error of its first failed page. */
export interface JobDetail extends Job {
  operations: OperationProgress[];
  firstError?: string | null;
}

export interface PlannedOperation {
  operationId: string;
  path: string;
  resource: string;
  level: number;
  parent?: { operationId: string; param: string };
  children: string[];
  pageSize: number;
  maxPages: number;
  query: Record<string, string>;
}

export interface ExcludedOperation {
  operationId: string;
  path: string;
  reason: string;
}

/** `GET …/plan`. */
export interface Plan {
  document: string;
  window: { start: string; end: string };
  operations: PlannedOperation[];
  excluded: ExcludedOperation[];
  problems: string[];
}

export const OPEN_STATES: readonly string[] = ['queued', 'running'];

export function isOpen(job: Pick<Job, 'state'> | undefined): boolean {
  return job !== undefined && OPEN_STATES.includes(job.state);
}
