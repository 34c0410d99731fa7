import { setImmediate } from 'node:timers/promises';
import type { SqliteSession, WithSqlite } from '../../runtime/index.js';
import { placeholders } from './database.js';
import { DROP_PAST_END, INSERT_STEPS, JOBS, MARK_DONE, STEP_EXISTS } from './page-statements.js';
import type { CommitOutcome, PageCommit } from './page-writer.js';
import { ON_CONFLICT, UPSERT } from './record-store.js';

const TOUCH_JOB = `update ${JOBS} set updated_at = ? where id = ? and state = 'running' and lease_owner = ? returning id`;
// The portable writer's statements, one row at a time.
const INSERT_FOLLOWER = `${INSERT_STEPS} ${placeholders(1, 7)} ${STEP_EXISTS}`;
const UPSERT_RECORD = `${UPSERT} ${placeholders(1, 6)} ${ON_CONFLICT}`;

/**
 * The page writer's batch on SQLite: the same statements as the portable writer, run synchronously on the pooled
 * connection with cached prepared statements. Pages go in groups of about `statementRows` records, one transaction
 * each, with the event loop let run between groups: each page stays all-or-nothing, and no transaction holds the
 * loop for long. Every group first touches its jobs' rows (still running, leased here), as the portable writer does.
 */
export async function storeBatchSqlite(
  withSqlite: WithSqlite,
  batch: readonly PageCommit[],
  { owner, statementRows }: { owner: string; statementRows: number },
): Promise<CommitOutcome[]> {
  const outcomes: CommitOutcome[] = [];
  for (const group of groupsOf(batch, statementRows)) {
    outcomes.push(...(await withSqlite((session) => session.transaction(() => storeGroup(session, group, owner)))));
    await setImmediate();
  }
  return outcomes;
}

function storeGroup(session: SqliteSession, group: readonly PageCommit[], owner: string): CommitOutcome[] {
  const now = Date.now();
  const touch = session.statement(TOUCH_JOB);
  const running = new Set<number>();
  for (const jobId of new Set(group.map((commit) => commit.jobId))) if (touch.get(now, jobId, owner)) running.add(jobId);
  const markDone = session.statement(MARK_DONE);
  const dropPastEnd = session.statement(DROP_PAST_END);
  const insertFollower = session.statement(INSERT_FOLLOWER);
  const upsertRecord = session.statement(UPSERT_RECORD);
  return group.map((commit): CommitOutcome => {
    if (!running.has(commit.jobId)) return 'job-lost';
    if (markDone.run(commit.records.length, commit.attempts, commit.note, now, commit.stepId).changes === 0) return 'step-gone';
    const { workspaceId, resource, parentId } = commit;
    // A record listed twice (a manager under two users) is one row, under the parent that listed it last.
    for (const record of commit.records) upsertRecord.run(workspaceId, resource, record.id, parentId, record.body, now);
    for (const { operationId, parentId: parent, page, level } of commit.followers)
      insertFollower.run(commit.jobId, operationId, parent, page, level, 'pending', now);
    if (commit.endsList) dropPastEnd.run(commit.jobId, commit.operationId, parentId, commit.page);
    return 'stored';
  });
}

/** Consecutive pages holding about `rows` records together (a larger page alone). */
function groupsOf(batch: readonly PageCommit[], rows: number): PageCommit[][] {
  const groups: PageCommit[][] = [];
  let current: PageCommit[] = [];
  let size = 0;
  for (const commit of batch) {
    if (current.length > 0 && size + commit.records.length > rows) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(commit);
    size += commit.records.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
