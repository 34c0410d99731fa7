import { setImmediate } from 'node:timers/promises';
import type { Knex } from '@mikro-orm/knex';
import type { NormalisedRecord, Store } from '../../runtime/index.js';
import { chunksOf, databaseOf, execute, placeholders, select } from './database.js';
import { DROP_PAST_END, INSERT_STEPS, JOBS, MARK_DONE, STEP_EXISTS } from './page-statements.js';
import { storeBatchSqlite } from './page-writer-sqlite.js';
import type { RecordRow, RecordStore } from './record-store.js';

/** A checkpoint a page makes known: the next pages of its list, or the first page of a nested list per record. */
export interface Follower {
  operationId: string;
  parentId: string;
  page: number;
  level: number;
}

/** One fetched page and everything that must be stored with it, atomically. */
export interface PageCommit {
  jobId: number;
  workspaceId: string;
  stepId: number;
  operationId: string;
  resource: string;
  parentId: string;
  page: number;
  records: readonly NormalisedRecord[];
  attempts: number;
  /** Kept on the checkpoint (e.g. that `maxPages` cut the list short). */
  note: string | null;
  followers: readonly Follower[];
  /** The page was short, so the list ends here: pending pages after it were asked for ahead and are dropped. */
  endsList: boolean;
}

/** `job-lost`: the job was cancelled or another instance owns it now; `step-gone`: the checkpoint was dropped meanwhile. */
export type CommitOutcome = 'stored' | 'job-lost' | 'step-gone';

export interface PageWriter {
  write(commit: PageCommit): Promise<CommitOutcome>;
  /** Stores what is queued, then stops. */
  close(): Promise<void>;
}

interface Queued {
  commit: PageCommit;
  resolve(outcome: CommitOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit: pages that arrive within `flushMs` (of any job of this instance) are stored in one transaction of at
 * most about `maxRows` records, `statementRows` per statement with the event loop let run between statements (SQLite's
 * writes block it while they run), so the writes keep pace with a full rate limit per workspace. Each page is
 * all-or-nothing: its records, its checkpoint
 * marked done and its followers. The transaction first touches the rows of the jobs involved, still running and leased
 * to this instance; a job cancelled meanwhile (DELETED) gets nothing written, in whichever order the two commit.
 */
export function createPageWriter(
  store: Store,
  {
    records,
    owner,
    flushMs,
    maxRows,
    statementRows,
  }: { records: RecordStore; owner: string; flushMs: number; maxRows: number; statementRows: number },
): PageWriter {
  const queue: Queued[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;

  const schedule = () => {
    if (flushing || timer || queue.length === 0) return;
    const rows = queue.reduce((sum, item) => sum + item.commit.records.length, 0);
    timer = setTimeout(flush, rows >= maxRows ? 0 : flushMs);
  };

  function flush(): void {
    timer = undefined;
    const batch: Queued[] = [];
    for (let rows = 0; queue.length > 0 && (batch.length === 0 || rows + (queue[0] as Queued).commit.records.length <= maxRows); ) {
      const next = queue.shift() as Queued;
      rows += next.commit.records.length;
      batch.push(next);
    }
    flushing = storeBatch(batch.map((item) => item.commit))
      .then(
        (outcomes) => {
          for (const [index, item] of batch.entries()) item.resolve(outcomes[index] as CommitOutcome);
        },
        (error) => {
          for (const item of batch) item.reject(error);
        },
      )
      .finally(() => {
        flushing = undefined;
        schedule();
      });
  }

  async function storeBatch(batch: readonly PageCommit[]): Promise<CommitOutcome[]> {
    if (store.withSqlite) return storeBatchSqlite(store.withSqlite, batch, { owner, statementRows });
    const { knex, at } = databaseOf(store);
    const now = new Date();
    // `setImmediate()` between statements lets timers and I/O run: knex chains them through microtasks, so a whole
    // transaction would otherwise be one block of the event loop (the rate governor's timers fire late). The
    // transaction stays open meanwhile: other queries wait.
    return knex.transaction(async (trx) => {
      const jobIds = [...new Set(batch.map((commit) => commit.jobId))];
      const live = await select<{ id: number }>(
        trx,
        `update ${JOBS} set updated_at = ? where id in (${jobIds.map(() => '?').join(', ')}) and state = 'running' and lease_owner = ? returning id`,
        [at(now), ...jobIds, owner],
      );
      const running = new Set(live.map((row) => Number(row.id)));
      await setImmediate();
      const rows: RecordRow[] = [];
      const followers: Knex.Value[][] = [];
      const outcomes: CommitOutcome[] = [];
      for (const commit of batch) {
        const outcome = running.has(commit.jobId) ? await markDone(trx, commit, at(now)) : 'job-lost';
        outcomes.push(outcome);
        if (outcome !== 'stored') continue;
        const { workspaceId, resource, parentId } = commit;
        for (const record of commit.records) rows.push({ workspaceId, resource, recordId: record.id, parentId, body: record.body });
        for (const follower of commit.followers) followers.push(followerRow(commit.jobId, follower, at(now)));
        if (commit.endsList) await execute(trx, DROP_PAST_END, [commit.jobId, commit.operationId, parentId, commit.page]);
      }
      await setImmediate();
      await records.upsert(rows, now, trx, statementRows);
      for (const chunk of chunksOf(followers, statementRows)) {
        await execute(trx, `${INSERT_STEPS} ${placeholders(chunk.length, 7)} ${STEP_EXISTS}`, chunk.flat());
        await setImmediate();
      }
      return outcomes;
    });
  }

  return {
    write(commit) {
      return new Promise<CommitOutcome>((resolve, reject) => {
        queue.push({ commit, resolve, reject });
        schedule();
      });
    },
    async close() {
      while (flushing || queue.length > 0) {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        await flushing;
      }
    },
  };
}

async function markDone(trx: Knex.Transaction, commit: PageCommit, now: Knex.Value): Promise<CommitOutcome> {
  const updated = await execute(trx, MARK_DONE, [commit.records.length, commit.attempts, commit.note, now, commit.stepId]);
  return updated > 0 ? 'stored' : 'step-gone';
}

function followerRow(jobId: number, { operationId, parentId, page, level }: Follower, now: Knex.Value): Knex.Value[] {
  return [jobId, operationId, parentId, page, level, 'pending', now];
}
