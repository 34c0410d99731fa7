import type { SqliteSession, WithSqlite } from '../../runtime/index.js';
import { OPEN_WEBHOOK_EVENT_STATES } from '../../runtime/index.js';
import type { ClaimedEvent, DispatchQueue, RunOutcome } from './dispatch-queue.js';

const OPEN = OPEN_WEBHOOK_EVENT_STATES.map((state) => `'${state}'`).join(', ');

// Whether event `e` may start now (the claim of dispatch-queue.ts): open, due, unleased, no earlier open event of its
// workspace + entity, installation active.
const DUE_AND_FIRST = `(e.next_attempt_at is null or e.next_attempt_at <= :now)
      and (e.lease_until is null or e.lease_until < :now)
      and not exists (select 1 from webhook_event o
        where o.workspace_id = e.workspace_id and o.entity_id = e.entity_id and o.state in (${OPEN}) and o.id < e.id)
      and exists (select 1 from installation i where i.workspace_id = e.workspace_id and i.status = 'ACTIVE')`;
const MAY_START = `e.state in (${OPEN}) and ${DUE_AND_FIRST}`;

/** The columns of a claimed event (`ClaimedEvent`), returned by the claim of either queue. */
export const CLAIMED_COLUMNS = [
  'id',
  'workspace_id',
  'event',
  'entity_id',
  'body',
  'received_at',
  'updated_at',
  'attempts',
  'next_attempt_at',
  'handler_results',
];

// Leases the given events that may start, in one statement (synchronous: nothing runs between the check and the
// lease). The ids arrive as a JSON list; written as `in (select …)`, not as a join, which SQLite would plan as a walk
// over every open event probing the list.
export const CLAIM_IDS = `update webhook_event set lease_owner = :owner, lease_until = :leaseUntil
  where id in (select e.id from webhook_event e where e.id in (select value from json_each(:ids)) and ${MAY_START})
  returning ${CLAIMED_COLUMNS.join(', ')}`;

// The walk's candidates, one state at a time along the (state, id) index, oldest first, stopping after :limit: with
// `state in (…) order by id` SQLite would check and sort every open event, a cost that grows with the backlog.
export const WALK = OPEN_WEBHOOK_EVENT_STATES.map(
  (state) => `select e.id from webhook_event e where e.state = '${state}' and ${DUE_AND_FIRST} order by e.id limit :limit`,
);
const RENEW = 'update webhook_event set lease_until = ? where id = ? and lease_owner = ?';
const FINISH = `update webhook_event set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, handler_results = ?,
  handled_at = ?, lease_owner = null, lease_until = null, updated_at = ?
  where id = ? and lease_owner = ? and state in (${OPEN})`;
const RELEASE = 'update webhook_event set lease_owner = null, lease_until = null where id = ? and lease_owner = ?';
const RELEASE_ALL = 'update webhook_event set lease_owner = null, lease_until = null where lease_owner is not null';

interface ClaimedRow {
  id: number;
  workspace_id: string;
  event: string;
  entity_id: string;
  body: string;
  received_at: number;
  updated_at: number;
  attempts: number;
  next_attempt_at: number | null;
  handler_results: string | null;
}

/**
 * The dispatch queue on SQLite, where one process owns the database: the same statements as the portable queue,
 * written once and run synchronously on the pooled connection with cached prepared statements, so claiming and
 * finishing an event cost microseconds instead of a knex query build each. Dates are epoch milliseconds.
 */
export function createSqliteDispatchQueue(withSqlite: WithSqlite, { leaseMs, owner }: { leaseMs: number; owner: string }): DispatchQueue {
  // Outcomes of runs that end in the same turn share one transaction: one commit instead of one per event.
  let finishing: { parameters: unknown[]; resolve(recorded: boolean): void; reject(error: unknown): void }[] = [];
  function flushFinishes(): void {
    const batch = finishing;
    finishing = [];
    withSqlite((session) => {
      const statement = session.statement(FINISH);
      return session.transaction(() => batch.map((item) => statement.run(...item.parameters).changes > 0));
    }).then(
      (recorded) => {
        for (const [index, item] of batch.entries()) item.resolve(recorded[index] ?? false);
      },
      (error) => {
        for (const item of batch) item.reject(error);
      },
    );
  }
  function lease(session: SqliteSession, ids: readonly number[], now: number): ClaimedEvent[] {
    if (ids.length === 0) return [];
    const parameters = { owner, leaseUntil: now + leaseMs, now, ids: JSON.stringify(ids) };
    return (session.statement(CLAIM_IDS).all(parameters) as ClaimedRow[]).map(toClaimed).sort((a, b) => a.id - b.id);
  }
  return {
    claim: (limit) =>
      withSqlite((session) => {
        const now = Date.now();
        const candidates = WALK.flatMap((sql) => session.statement(sql).all({ now, limit }) as { id: number }[]);
        const ids = candidates
          .map((row) => Number(row.id))
          .sort((a, b) => a - b)
          .slice(0, limit);
        return lease(session, ids, now);
      }),
    claimIds: (ids) => withSqlite((session) => lease(session, ids, Date.now())),
    renew: (id) => withSqlite((session) => session.statement(RENEW).run(Date.now() + leaseMs, id, owner).changes > 0),
    finish: (id, outcome) =>
      new Promise<boolean>((resolve, reject) => {
        finishing.push({ parameters: finishParameters(id, outcome, owner), resolve, reject });
        if (finishing.length === 1) setImmediate(flushFinishes);
      }),
    release: async (id) => {
      await withSqlite((session) => session.statement(RELEASE).run(id, owner));
    },
    releaseAll: () => withSqlite((session) => session.statement(RELEASE_ALL).run().changes),
  };
}

function finishParameters(id: number, outcome: RunOutcome, owner: string): unknown[] {
  const now = Date.now();
  const { state, attempts, nextAttemptAt, lastError, handlerResults } = outcome;
  const handledAt = state === 'handled' ? now : null;
  return [state, attempts, nextAttemptAt?.getTime() ?? null, lastError, handlerResults, handledAt, now, id, owner];
}

function toClaimed(row: ClaimedRow): ClaimedEvent {
  return {
    id: Number(row.id),
    workspaceId: row.workspace_id,
    event: row.event,
    entityId: row.entity_id,
    body: row.body,
    receivedAt: new Date(Number(row.received_at)),
    updatedAt: new Date(Number(row.updated_at)),
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(Number(row.next_attempt_at)),
    handlerResults: row.handler_results,
  };
}
