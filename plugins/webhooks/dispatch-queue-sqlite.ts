import { resolve } from 'node:path';
import type { SqliteSession, WithSqlite } from '../../runtime/index.js';
import { entryOf, OPEN_WEBHOOK_EVENT_STATES } from '../../runtime/index.js';
import type { ClaimedEvent, DispatchQueue, RunOutcome } from './dispatch-queue.js';

const OPEN = OPEN_WEBHOOK_EVENT_STATES.map((state) => `'${state}'`).join(', ');

// Whether event `e` may start now, as far as the database knows (the claim of dispatch-queue.ts without its lease,
// which the queue below keeps in memory): open, due, no earlier open event of its workspace + entity, installation
// active.
const MAY_START = `e.state in (${OPEN})
      and (e.next_attempt_at is null or e.next_attempt_at <= :now)
      and not exists (select 1 from webhook_event o
        where o.workspace_id = e.workspace_id and o.entity_id = e.entity_id and o.state in (${OPEN}) and o.id < e.id)
      and exists (select 1 from installation i where i.workspace_id = e.workspace_id and i.status = 'ACTIVE')`;

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

// The given events that may start, by primary key. The ids arrive as a JSON list; written as `in (select …)`, not as
// a join, which SQLite would plan as a walk over every open event probing the list.
export const SELECT_IDS = `select ${CLAIMED_COLUMNS.map((column) => `e.${column}`).join(', ')} from webhook_event e
  where e.id in (select value from json_each(:ids)) and ${MAY_START}`;

// The walk's candidates, one state at a time along the (state, id) index, oldest first, stopping after :limit: with
// `state in (…) order by id` SQLite would check and sort every open event, a cost that grows with the backlog.
export const WALK = OPEN_WEBHOOK_EVENT_STATES.map(
  (state) => `select e.id from webhook_event e where e.state = '${state}' and ${MAY_START} order by e.id limit :limit`,
);
const FINISH = `update webhook_event set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, handler_results = ?,
  handled_at = ?, updated_at = ? where id = ? and state in (${OPEN})`;
// Leases written by versions that kept them in the table: none is current once the process that wrote it is gone.
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

/** Who holds an event, and until when (epoch ms). */
interface Lease {
  owner: object;
  until: number;
}

/**
 * The leases of each database file, by event id, shared by every queue of this process on that file (two add-ons
 * started in one process, say), as the table would share them. A database in memory belongs to its own connection.
 */
const leasesByFile = new Map<string, Map<number, Lease>>();
const leasesOf = (file: string) => (file === ':memory:' ? new Map<number, Lease>() : entryOf(leasesByFile, resolve(file), () => new Map()));

export interface SqliteDispatchQueueOptions {
  leaseMs: number;
  /** The database file (`:memory:` for a database in memory). */
  file: string;
}

/**
 * The dispatch queue on SQLite, where one process owns the database: the statements of the portable queue, written
 * once and run synchronously on the pooled connection with cached prepared statements. Leases mean what they mean
 * there (held for `leaseMs`, renewed while handlers run, an outcome recorded only by its lease's holder) but live in
 * this process's memory: no other process claims, so a lease in the table would only cost a row write and a commit
 * per event, and a crash leaves none behind. Dates are epoch milliseconds.
 */
export function createSqliteDispatchQueue(withSqlite: WithSqlite, { leaseMs, file }: SqliteDispatchQueueOptions): DispatchQueue {
  const leases = leasesOf(file);
  const self = {};
  const ours = (id: number) => leases.get(id)?.owner === self;
  // Outcomes of runs that end in the same turn share one transaction: one commit instead of one per event.
  let finishing: { id: number; parameters: unknown[]; resolve(recorded: boolean): void; reject(error: unknown): void }[] = [];
  function flushFinishes(): void {
    const batch = finishing;
    finishing = [];
    withSqlite((session) => {
      const statement = session.statement(FINISH);
      // An event whose lease ran out and was taken meanwhile is the new holder's to record.
      const recorded = session.transaction(() => batch.map((item) => ours(item.id) && statement.run(...item.parameters).changes > 0));
      for (const item of batch) if (ours(item.id)) leases.delete(item.id);
      return recorded;
    }).then(
      (recorded) => {
        for (const [index, item] of batch.entries()) item.resolve(recorded[index] ?? false);
      },
      // Not written: the leases run out and the events run again (at-least-once).
      (error) => {
        for (const item of batch) item.reject(error);
      },
    );
  }
  // The ids no lease of this file holds at `now`.
  const free = (ids: readonly number[], now: number) => ids.filter((id) => (leases.get(id)?.until ?? 0) < now);
  /** Leases those of `ids` (none held here) that may start. */
  function lease(session: SqliteSession, ids: readonly number[], now: number): ClaimedEvent[] {
    if (ids.length === 0) return [];
    const rows = session.statement(SELECT_IDS).all({ now, ids: JSON.stringify(ids) }) as ClaimedRow[];
    for (const row of rows) leases.set(Number(row.id), { owner: self, until: now + leaseMs });
    return rows.map(toClaimed).sort((a, b) => a.id - b.id);
  }
  return {
    claim: (limit) =>
      withSqlite((session) => {
        const now = Date.now();
        for (const [id, { until }] of leases) if (until < now) leases.delete(id);
        // Events leased here are still open: ask for as many more, so they cannot crowd the free ones out.
        const walkLimit = limit + leases.size;
        const candidates = WALK.flatMap((sql) => session.statement(sql).all({ now, limit: walkLimit }) as { id: number }[]);
        const ids = free(
          candidates.map((row) => Number(row.id)),
          now,
        );
        return lease(session, ids.sort((a, b) => a - b).slice(0, limit), now);
      }),
    claimIds: (ids) =>
      withSqlite((session) => {
        const now = Date.now();
        return lease(session, free(ids, now), now);
      }),
    renew: async (id) => {
      if (!ours(id)) return false;
      leases.set(id, { owner: self, until: Date.now() + leaseMs });
      return true;
    },
    finish: (id, outcome) =>
      new Promise<boolean>((resolve, reject) => {
        finishing.push({ id, parameters: finishParameters(id, outcome), resolve, reject });
        if (finishing.length === 1) setImmediate(flushFinishes);
      }),
    release: async (id) => {
      if (ours(id)) leases.delete(id);
    },
    releaseAll: () => withSqlite((session) => session.statement(RELEASE_ALL).run().changes),
  };
}

function finishParameters(id: number, outcome: RunOutcome): unknown[] {
  const now = Date.now();
  const { state, attempts, nextAttemptAt, lastError, handlerResults } = outcome;
  const handledAt = state === 'handled' ? now : null;
  return [state, attempts, nextAttemptAt?.getTime() ?? null, lastError, handlerResults, handledAt, now, id];
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
