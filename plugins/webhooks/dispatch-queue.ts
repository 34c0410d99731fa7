import type { Knex } from '@mikro-orm/knex';
import type { Store, WebhookEventState } from '../../runtime/index.js';
import { leaseFree, leaseOwnerId, OPEN_WEBHOOK_EVENT_STATES, WebhookEvent } from '../../runtime/index.js';
import { CLAIMED_COLUMNS, createSqliteDispatchQueue } from './dispatch-queue-sqlite.js';

/** An event this instance holds the lease of; `attempts` counts the runs before this one. */
export type ClaimedEvent = Pick<
  WebhookEvent,
  'id' | 'workspaceId' | 'event' | 'entityId' | 'body' | 'receivedAt' | 'updatedAt' | 'attempts' | 'nextAttemptAt' | 'handlerResults'
>;

/** How a run ended, written back in one conditional update. */
export interface RunOutcome {
  state: Extract<WebhookEventState, 'handled' | 'failed' | 'dead'>;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  handlerResults: string;
}

export interface DispatchQueue {
  /** Leases up to `limit` events that may run now: due, unleased, the oldest open one of their workspace + entity, installation ACTIVE. */
  claim(limit: number): Promise<ClaimedEvent[]>;
  /**
   * The same, among the given events only (just received here; at least one): found by primary key instead of a walk
   * over the open events, so claiming fresh receipts costs the same however long the backlog. Those that may not run
   * yet are left.
   */
  claimIds(ids: readonly number[]): Promise<ClaimedEvent[]>;
  /** Extends the lease of a running event; false once another instance owns it. */
  renew(id: number): Promise<boolean>;
  /** Records the outcome and gives the lease up; false when the lease was lost or the event discarded meanwhile (nothing written). */
  finish(id: number, outcome: RunOutcome): Promise<boolean>;
  /** Gives the lease up without a run (the installation went inactive meanwhile). */
  release(id: number): Promise<void>;
  /** Drops every lease: only for SQLite, whose database belongs to one process, so leases left by a crash are dead. */
  releaseAll(): Promise<number>;
}

/**
 * The inbox as a work queue shared by every instance. A claim is one atomic conditional UPDATE (lease owner and
 * expiry); under PostgreSQL's row locks, two instances racing for a row see one of them update it and the other find
 * the lease taken. SQLite, which one process serves, gets its own queue with the leases in memory
 * (`dispatch-queue-sqlite.ts`). Order per workspace + entity holds because only the oldest open event of a key is
 * claimable, and it stays open (pending or failed) until its run is finished.
 */
export function createDispatchQueue(store: Store, { leaseMs, owner = leaseOwnerId() }: { leaseMs: number; owner?: string }): DispatchQueue {
  // An SQLite store's display name is its file.
  if (store.withSqlite) return createSqliteDispatchQueue(store.withSqlite, { leaseMs, file: store.display });
  const open = [...OPEN_WEBHOOK_EVENT_STATES];
  const db = () => {
    const em = store.em();
    return { knex: em.getKnex(), em, at: (date: Date) => em.getPlatform().processDateProperty(date) as Knex.Value };
  };
  /** Leases the events `candidates` selects (given the claim's knex and moment): one EntityManager, one clock reading. */
  async function lease(candidates: (knex: Knex, now: Knex.Value) => Knex.QueryBuilder): Promise<ClaimedEvent[]> {
    const { knex, em, at } = db();
    const now = at(new Date());
    const rows: Record<string, unknown>[] = await knex('webhook_event')
      .update({ lease_owner: owner, lease_until: at(new Date(Date.now() + leaseMs)) })
      .whereIn('id', candidates(knex, now))
      .whereIn('state', open)
      .where(leaseFree(now))
      .returning(CLAIMED_COLUMNS);
    return rows.map((row) => em.map(WebhookEvent, row)).sort((a, b) => a.id - b.id);
  }
  return {
    claim: (limit) => lease((knex, now) => claimableIds(knex, { now, open, limit })),
    claimIds: (ids) => lease((knex, now) => claimableIds(knex, { now, open, limit: ids.length, ids })),
    async renew(id) {
      const { knex, at } = db();
      return (
        (await knex('webhook_event')
          .update({ lease_until: at(new Date(Date.now() + leaseMs)) })
          .where({ id, lease_owner: owner })) > 0
      );
    },
    async finish(id, outcome) {
      const { knex, at } = db();
      const now = new Date();
      const changes = {
        state: outcome.state,
        attempts: outcome.attempts,
        next_attempt_at: outcome.nextAttemptAt ? at(outcome.nextAttemptAt) : null,
        last_error: outcome.lastError,
        handler_results: outcome.handlerResults,
        handled_at: outcome.state === 'handled' ? at(now) : null,
        lease_owner: null,
        lease_until: null,
        updated_at: at(now),
      };
      // Only while still open: an admin who discarded the event during its run has the last word.
      return (await knex('webhook_event').update(changes).where({ id, lease_owner: owner }).whereIn('state', open)) > 0;
    },
    async release(id) {
      await db().knex('webhook_event').update({ lease_owner: null, lease_until: null }).where({ id, lease_owner: owner });
    },
    async releaseAll() {
      return db().knex('webhook_event').update({ lease_owner: null, lease_until: null }).whereNotNull('lease_owner');
    },
  };
}

/** Ids of the events that may start now, oldest first (see `claim`); among `ids` when given. */
function claimableIds(knex: Knex, { now, open, limit, ids }: { now: Knex.Value; open: string[]; limit: number; ids?: readonly number[] }) {
  const earlierOpen = knex('webhook_event as o')
    .select(knex.raw('1'))
    .whereRaw('o.workspace_id = e.workspace_id and o.entity_id = e.entity_id and o.id < e.id')
    .whereIn('o.state', open);
  const activeInstallation = knex('installation as i')
    .select(knex.raw('1'))
    .whereRaw('i.workspace_id = e.workspace_id')
    .where('i.status', 'ACTIVE');
  const events = knex('webhook_event as e').select('e.id');
  if (ids) events.whereIn('e.id', [...ids]);
  return events
    .whereIn('e.state', open)
    .where((q) => q.whereNull('e.next_attempt_at').orWhere('e.next_attempt_at', '<=', now))
    .where((q) => q.whereNull('e.lease_until').orWhere('e.lease_until', '<', now))
    .whereNotExists(earlierOpen)
    .whereExists(activeInstallation)
    .orderBy('e.id')
    .limit(limit);
}
