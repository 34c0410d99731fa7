import type { Knex } from '@mikro-orm/knex';
import type { BootstrapJobState, PlannedOperation, Store } from '../../runtime/index.js';
import { BootstrapJob, leaseFree } from '../../runtime/index.js';
import { databaseOf } from './database.js';
import { JOBS, STEPS } from './page-statements.js';

export interface JobCounters {
  stepsTotal: number;
  stepsDone: number;
  stepsFailed: number;
  records: number;
  requests: number;
  errors: number;
}

export interface JobStore {
  /** A new queued job with the plan's root pages, unless the workspace already has an open one (then that one). */
  create(workspaceId: string, reason: string, plan: readonly PlannedOperation[]): Promise<{ job: BootstrapJob; created: boolean }>;
  /** Leases up to `limit` open jobs nobody holds (queued, or running with a lapsed lease) and marks them running. */
  claim(limit: number): Promise<BootstrapJob[]>;
  /** Extends the lease and stores progress; false once the job is no longer this instance's running job. */
  renew(id: number, counters: JobCounters): Promise<boolean>;
  finish(id: number, outcome: { state: 'done' | 'failed'; error: string | null; counters: JobCounters }): Promise<boolean>;
  /** Gives a lease up at shutdown, so the next instance (or this one restarted) resumes the job at once. */
  release(id: number): Promise<void>;
  /** SQLite only: its database has one server process, so any lease found at start was left by a crash. */
  releaseAll(): Promise<number>;
  counters(id: number): Promise<JobCounters>;
  /** Cancels the workspace's open jobs (or one of them); resolves with the ids cancelled. */
  cancel(workspaceId: string, id?: number): Promise<number[]>;
  /** Puts a failed job's failed pages back in the queue; refused when it is not `failed` or another job is open. */
  retry(id: number, workspaceId: string): Promise<ReopenOutcome>;
  /**
   * Puts a cancelled job back in the queue where it stopped: its `done` pages stay done, pages in flight or waiting go
   * back to pending (due now). Refused when the job is not cancelled, when another job of the workspace is open, or
   * when its checkpoints are gone (the add-on was uninstalled since).
   */
  resume(id: number, workspaceId: string): Promise<ReopenOutcome>;
  /** Stores the counters of a job no instance runs any more (just cancelled), so its row shows where it stopped. */
  recount(id: number): Promise<void>;
  list(workspaceId: string, limit: number): Promise<BootstrapJob[]>;
  get(id: number, workspaceId?: string): Promise<BootstrapJob | null>;
  /** Deletes the checkpoints of the workspace's jobs (the jobs stay, as history without data). */
  purgeCheckpoints(workspaceId: string): Promise<number>;
}

/** `wrong-state`: the job is not failed (retry) or not cancelled (resume). */
export type ReopenOutcome =
  | { reopened: true }
  | { reopened: false; reason: 'wrong-state' | 'no-checkpoints' }
  | { reopened: false; reason: 'open-job'; open: BootstrapJob };

const OPEN: BootstrapJobState[] = ['queued', 'running'];

/**
 * Jobs as a queue every instance shares. A claim is one conditional UPDATE (lease owner and expiry), as the webhook
 * inbox does, portable across SQLite and PostgreSQL: two instances racing for a row see one update it and the other
 * find the lease taken. One instance runs a job; another resumes it from its checkpoints once the lease lapses.
 */
export function createJobStore(store: Store, { owner, leaseMs }: { owner: string; leaseMs: number }): JobStore {
  const db = () => databaseOf(store);
  const toJob = (row: Record<string, unknown>) => store.em().map(BootstrapJob, row);
  const columns = (counters: JobCounters) => ({
    steps_total: counters.stepsTotal,
    steps_done: counters.stepsDone,
    steps_failed: counters.stepsFailed,
    records: counters.records,
    requests: counters.requests,
    errors: counters.errors,
  });
  /** Back in the queue: one open job per workspace, as `create` keeps it; a cancelled job needs its checkpoints. */
  async function reopen(id: number, workspaceId: string, from: 'failed' | 'cancelled'): Promise<ReopenOutcome> {
    const { knex, at } = db();
    const now = new Date();
    return knex.transaction(async (trx): Promise<ReopenOutcome> => {
      const row = await trx(JOBS).where({ id, workspace_id: workspaceId, state: from }).first();
      if (!row) return { reopened: false, reason: 'wrong-state' };
      const open = await trx(JOBS).where({ workspace_id: workspaceId }).whereIn('state', OPEN).orderBy('id').first();
      if (open) return { reopened: false, reason: 'open-job', open: toJob(open) };
      if (from === 'cancelled' && !(await trx(STEPS).where({ job_id: id }).first('id')))
        return { reopened: false, reason: 'no-checkpoints' };
      if (
        (await trx(JOBS)
          .update(reopenedJob(toJob(row), now, at))
          .where({ id, state: from })) === 0
      )
        return { reopened: false, reason: 'wrong-state' };
      // Failed pages are read again; a resumed job's waiting pages are due now (a retry delay from before the cancel
      // has no reason to hold them back) and those it had in flight go back to pending. `done` pages stay done.
      const steps = from === 'failed' ? ['failed'] : ['pending', 'running'];
      await trx(STEPS)
        .update({ state: 'pending', not_before: null, updated_at: at(now), ...(from === 'failed' ? { error: null } : {}) })
        .where({ job_id: id })
        .whereIn('state', steps);
      return { reopened: true };
    });
  }
  return {
    async create(workspaceId, reason, plan) {
      const { knex, at } = db();
      const now = at(new Date());
      return knex.transaction(async (trx) => {
        const open = await trx(JOBS).where({ workspace_id: workspaceId }).whereIn('state', OPEN).orderBy('id').first();
        if (open) return { job: toJob(open), created: false };
        const job = { workspace_id: workspaceId, state: 'queued', reason, plan: JSON.stringify(plan), created_at: now, updated_at: now };
        const [inserted] = await trx(JOBS).insert(job).returning('*');
        const id = Number((inserted as { id: number }).id);
        const roots = plan.filter((operation) => operation.level === 0);
        if (roots.length > 0) {
          await trx(STEPS).insert(
            roots.map((operation) => ({
              job_id: id,
              operation_id: operation.operationId,
              parent_id: '',
              page: 1,
              level: 0,
              state: 'pending',
              updated_at: now,
            })),
          );
        }
        return { job: toJob({ ...inserted, steps_total: roots.length }), created: true };
      });
    },
    async claim(limit) {
      const { knex, at } = db();
      const now = at(new Date());
      const claimable = knex(JOBS).select('id').whereIn('state', OPEN).where(leaseFree(now)).orderBy('id').limit(limit);
      const rows: Record<string, unknown>[] = await knex(JOBS)
        .update({
          state: 'running',
          lease_owner: owner,
          lease_until: at(new Date(Date.now() + leaseMs)),
          updated_at: now,
          // The first claim starts the clock; a resumed job keeps its start.
          started_at: knex.raw('coalesce(started_at, ?)', [now]),
        })
        .whereIn('id', claimable)
        .whereIn('state', OPEN)
        .where(leaseFree(now))
        .returning('*');
      return rows.map(toJob);
    },
    async renew(id, counters) {
      const { knex, at } = db();
      const lease = { lease_until: at(new Date(Date.now() + leaseMs)), updated_at: at(new Date()), ...columns(counters) };
      return (await knex(JOBS).update(lease).where({ id, lease_owner: owner, state: 'running' })) > 0;
    },
    async finish(id, { state, error, counters }) {
      const { knex, at } = db();
      const now = at(new Date());
      const changes = { state, error, finished_at: now, updated_at: now, lease_owner: null, lease_until: null, ...columns(counters) };
      return (await knex(JOBS).update(changes).where({ id, lease_owner: owner, state: 'running' })) > 0;
    },
    async release(id) {
      await db().knex(JOBS).update({ lease_owner: null, lease_until: null }).where({ id, lease_owner: owner });
    },
    releaseAll: () => db().knex(JOBS).update({ lease_owner: null, lease_until: null }).whereNotNull('lease_owner'),
    counters: (id) => countersOf(db().knex, id),
    async cancel(workspaceId, id) {
      const { knex, at } = db();
      const now = at(new Date());
      const where = { workspace_id: workspaceId, ...(id === undefined ? {} : { id }) };
      const rows: { id: number }[] = await knex(JOBS)
        .update({ state: 'cancelled', finished_at: now, updated_at: now, lease_owner: null, lease_until: null })
        .where(where)
        .whereIn('state', OPEN)
        .returning('id');
      return rows.map((row) => Number(row.id));
    },
    retry: (id, workspaceId) => reopen(id, workspaceId, 'failed'),
    resume: (id, workspaceId) => reopen(id, workspaceId, 'cancelled'),
    async recount(id) {
      const { knex } = db();
      await knex(JOBS)
        .update(columns(await countersOf(knex, id)))
        .where({ id })
        .whereNull('lease_owner');
    },
    async list(workspaceId, limit) {
      const rows = await db().knex(JOBS).where({ workspace_id: workspaceId }).orderBy('id', 'desc').limit(limit);
      return rows.map(toJob);
    },
    async get(id, workspaceId) {
      const row = await db()
        .knex(JOBS)
        .where({ id, ...(workspaceId ? { workspace_id: workspaceId } : {}) })
        .first();
      return row ? toJob(row) : null;
    },
    async purgeCheckpoints(workspaceId) {
      const { knex } = db();
      return knex(STEPS)
        .whereIn('job_id', knex(JOBS).select('id').where({ workspace_id: workspaceId }))
        .delete();
    },
  };
}

/**
 * The changes that put a finished job back in the queue. Its start moves forward by the time it stood still, so its
 * duration, rates and ETA count the time it ran, not the pause between cancel (or failure) and resume (or retry).
 */
function reopenedJob(job: BootstrapJob, now: Date, at: (date: Date) => Knex.Value): Record<string, Knex.Value> {
  const ran = job.startedAt && job.finishedAt ? new Date(job.finishedAt).getTime() - new Date(job.startedAt).getTime() : undefined;
  const changes: Record<string, Knex.Value> = { state: 'queued', error: null, finished_at: null, updated_at: at(now) };
  if (ran !== undefined) changes.started_at = at(new Date(now.getTime() - Math.max(0, ran)));
  return { ...changes, lease_owner: null, lease_until: null };
}

/** Progress counted from the checkpoints: every attempt that did not store a page counts as an error. */
async function countersOf(knex: Knex, id: number): Promise<JobCounters> {
  const rows: { state: string; steps: number | string; records: number | string | null; attempts: number | string | null }[] = await knex(
    STEPS,
  )
    .select('state')
    .count({ steps: '*' })
    .sum({ records: 'records', attempts: 'attempts' })
    .where({ job_id: id })
    .groupBy('state');
  const counters = { stepsTotal: 0, stepsDone: 0, stepsFailed: 0, records: 0, requests: 0, errors: 0 };
  for (const row of rows) {
    const steps = Number(row.steps);
    counters.stepsTotal += steps;
    counters.records += Number(row.records ?? 0);
    counters.requests += Number(row.attempts ?? 0);
    if (row.state === 'done') counters.stepsDone = steps;
    if (row.state === 'failed') counters.stepsFailed = steps;
  }
  counters.errors = Math.max(0, counters.requests - counters.stepsDone);
  return counters;
}
