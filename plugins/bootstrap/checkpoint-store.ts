import type { Store } from '../../runtime/index.js';
import { databaseOf, select } from './database.js';
import { STEPS } from './page-statements.js';

/** A page to read: one checkpoint this instance has taken (`running`). */
export interface Step {
  id: number;
  operationId: string;
  parentId: string;
  page: number;
  level: number;
}

export interface OperationProgress {
  operationId: string;
  pagesDone: number;
  pagesTotal: number;
  pagesFailed: number;
  records: number;
}

export interface CheckpointStore {
  /** Marks up to `limit` due pending pages running and returns them, earliest pages first (many lists open at once). */
  take(jobId: number, limit: number): Promise<Step[]>;
  /** Pages a previous owner had in flight go back to pending: nothing of theirs was stored. */
  resetRunning(jobId: number): Promise<number>;
  /** When the next pending page is due: `null` when one is due now, `undefined` when none is pending. */
  nextDue(jobId: number): Promise<Date | null | undefined>;
  /** Back to pending, to be tried again no earlier than `at`. */
  retryLater(id: number, { attempts, error, at }: { attempts: number; error: string; at: Date }): Promise<void>;
  fail(id: number, { attempts, error }: { attempts: number; error: string }): Promise<void>;
  byOperation(jobId: number): Promise<OperationProgress[]>;
  /** The error of the job's first failed page, for the job's own error message. */
  firstError(jobId: number): Promise<string | undefined>;
}

// The due pages in the index's order (job, state, page, id), so no sort however many are pending: ids grow as pages are
// found, so a parent's pages come before its children's within a page number.
const TAKE = `update ${STEPS} set state = 'running', updated_at = ? where id in (
  select id from ${STEPS} where job_id = ? and state = 'pending' and (not_before is null or not_before <= ?) order by page, id limit ?
) and state = 'pending' returning id, operation_id, parent_id, page, level`;

export function createCheckpointStore(store: Store): CheckpointStore {
  const db = () => databaseOf(store);
  return {
    async take(jobId, limit) {
      type Taken = { id: number; operation_id: string; parent_id: string; page: number; level: number };
      const { knex, at } = db();
      const now = at(new Date());
      // On SQLite the statement runs synchronously, prepared once: it runs for every page a job starts.
      const rows = store.withSqlite
        ? await store.withSqlite((session) => session.statement(TAKE).all(now, jobId, now, limit) as Taken[])
        : await select<Taken>(knex, TAKE, [now, jobId, now, limit]);
      return rows
        .map((row) => ({
          id: Number(row.id),
          operationId: row.operation_id,
          parentId: row.parent_id,
          page: Number(row.page),
          level: Number(row.level),
        }))
        .sort((a, b) => a.page - b.page || a.id - b.id);
    },
    resetRunning: (jobId) => db().knex(STEPS).update({ state: 'pending' }).where({ job_id: jobId, state: 'running' }),
    async nextDue(jobId) {
      const { knex, at } = db();
      const pending = () => knex(STEPS).where({ job_id: jobId, state: 'pending' });
      const now = new Date();
      const dueNow = await pending()
        .where((q) => q.whereNull('not_before').orWhere('not_before', '<=', at(now)))
        .first('id');
      if (dueNow) return null;
      const row: { due?: unknown } | undefined = await pending().min({ due: 'not_before' }).first();
      return row?.due === null || row?.due === undefined ? undefined : new Date(row.due as string | number | Date);
    },
    async retryLater(id, { attempts, error, at: when }) {
      const { knex, at } = db();
      const changes = {
        state: 'pending',
        error,
        not_before: at(when),
        updated_at: at(new Date()),
        attempts: knex.raw('?? + ?', ['attempts', attempts]),
      };
      await knex(STEPS).update(changes).where({ id });
    },
    async fail(id, { attempts, error }) {
      const { knex, at } = db();
      await knex(STEPS)
        .update({ state: 'failed', error, updated_at: at(new Date()), attempts: knex.raw('?? + ?', ['attempts', attempts]) })
        .where({ id });
    },
    async byOperation(jobId) {
      const rows: { operation_id: string; state: string; pages: number | string; records: number | string | null }[] = await db()
        .knex(STEPS)
        .select('operation_id', 'state')
        .count({ pages: '*' })
        .sum({ records: 'records' })
        .where({ job_id: jobId })
        .groupBy('operation_id', 'state');
      const byId = new Map<string, OperationProgress>();
      for (const row of rows) {
        const entry = byId.get(row.operation_id) ?? {
          operationId: row.operation_id,
          pagesDone: 0,
          pagesTotal: 0,
          pagesFailed: 0,
          records: 0,
        };
        entry.pagesTotal += Number(row.pages);
        entry.records += Number(row.records ?? 0);
        if (row.state === 'done') entry.pagesDone += Number(row.pages);
        if (row.state === 'failed') entry.pagesFailed += Number(row.pages);
        byId.set(row.operation_id, entry);
      }
      return [...byId.values()];
    },
    async firstError(jobId) {
      const row: { error?: string | null } | undefined = await db()
        .knex(STEPS)
        .where({ job_id: jobId, state: 'failed' })
        .orderBy('id')
        .first('error');
      return row?.error ?? undefined;
    },
  };
}
