import type { ObjectQuery } from '@mikro-orm/core';
import type { Store } from './create-store.js';
import { emptyStateCounts, WebhookEvent, type WebhookEventState } from './entities/webhook-event.js';

/** Selects inbox events; every field narrows. The admin API always sets `workspaceId` (the admin's own). */
export interface InboxFilter {
  workspaceId?: string;
  event?: string;
  state?: WebhookEventState;
  ids?: readonly number[];
}

/** An event as the admin API and the CLI show it; the body only when asked for one event. */
export interface InboxEvent {
  id: number;
  workspaceId: string;
  event: string;
  entityId: string;
  state: WebhookEventState;
  attempts: number;
  receivedAt: string;
  nextAttemptAt: string | null;
  handledAt: string | null;
  lastError: string | null;
  /** Each handler's latest outcome (`plugin#n` → { ok, attempts, error }), as the dispatcher recorded it. */
  handlers: Record<string, unknown>;
}

export interface InboxPage {
  events: InboxEvent[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/** Final states: what the retention purge may delete. */
const FINISHED: WebhookEventState[] = ['handled', 'dead', 'discarded'];

/**
 * Reading and repairing the inbox from outside the dispatcher: the webhooks plugin's admin API, its retention purge
 * and DELETED handler, and the `addon webhooks …` CLI, which works on the database while a server may be running.
 * A replay only puts events back in `pending`: whichever instance dispatches polls the inbox and picks them up.
 */
export interface WebhookInbox {
  /** Newest first, `limit` (1–500, default 50) per page. */
  list(filter: InboxFilter & { limit?: number; cursor?: string }): Promise<InboxPage>;
  get(id: number, workspaceId?: string): Promise<(InboxEvent & { body: unknown }) | null>;
  /**
   * Back to `pending` with a fresh attempt budget. Handlers that already succeeded are not run again, except for a
   * `handled` event, whose replay means "run it again". Resolves with the number of events replayed.
   */
  replay(filter: InboxFilter): Promise<number>;
  /** Marks events `discarded` (never dispatched again unless replayed); `handled` events are left alone. */
  discard(filter: InboxFilter): Promise<number>;
  /** Deletes finished events received before `receivedBefore`, and events of workspaces that have no installation. */
  purgeFinished(receivedBefore: Date): Promise<number>;
  /** Deletes every event of a workspace (the add-on was uninstalled there). */
  purgeWorkspace(workspaceId: string): Promise<number>;
  countByState(): Promise<Record<WebhookEventState, number>>;
}

export function createWebhookInbox(store: Store): WebhookInbox {
  return {
    async list({ limit = 50, cursor, ...filter }) {
      const size = Math.min(Math.max(Math.trunc(limit), 1), 500);
      const where: ObjectQuery<WebhookEvent> = { ...toWhere(filter), ...(cursor ? { id: { $lt: Number(cursor) } } : {}) };
      const rows = await store.em().find(WebhookEvent, where, { orderBy: { id: 'desc' }, limit: size + 1, exclude: ['body'] });
      const page = rows.slice(0, size).map(toInboxEvent);
      return { events: page, ...(rows.length > size ? { nextCursor: String(page.at(-1)?.id) } : {}) };
    },
    async get(id, workspaceId) {
      const row = await store.em().findOne(WebhookEvent, { id, ...(workspaceId ? { workspaceId } : {}) });
      return row ? { ...toInboxEvent(row), body: JSON.parse(row.body) as unknown } : null;
    },
    replay: (filter) =>
      store.em().transactional(async (em) => {
        const where = toWhere(filter);
        // A handled event has nothing left to run: forgetting its results makes the replay run every handler again.
        await em.nativeUpdate(WebhookEvent, { $and: [where, { state: 'handled' }] }, { handlerResults: null });
        const reset = { state: 'pending', attempts: 0, nextAttemptAt: null, handledAt: null, updatedAt: new Date() } as const;
        return em.nativeUpdate(WebhookEvent, where, reset);
      }),
    discard: (filter) =>
      store
        .em()
        .nativeUpdate(
          WebhookEvent,
          { $and: [toWhere(filter), { state: { $ne: 'handled' } }] },
          { state: 'discarded', nextAttemptAt: null, updatedAt: new Date() },
        ),
    async purgeFinished(receivedBefore) {
      const em = store.em();
      const old = await em.nativeDelete(WebhookEvent, { state: { $in: FINISHED }, receivedAt: { $lt: receivedBefore } });
      const orphans = await em
        .createQueryBuilder(WebhookEvent, 'e')
        .delete()
        .where('not exists (select 1 from installation i where i.workspace_id = e.workspace_id)')
        .execute('run');
      return old + orphans.affectedRows;
    },
    purgeWorkspace: (workspaceId) => store.em().nativeDelete(WebhookEvent, { workspaceId }),
    async countByState() {
      const rows: { state: string; count: number | string }[] = await store
        .em()
        .getKnex()('webhook_event')
        .select('state')
        .count({ count: '*' })
        .groupBy('state');
      const counts = emptyStateCounts();
      for (const { state, count } of rows) if (state in counts) counts[state as WebhookEventState] = Number(count);
      return counts;
    },
  };
}

function toWhere({ workspaceId, event, state, ids }: InboxFilter): ObjectQuery<WebhookEvent> {
  return {
    ...(workspaceId ? { workspaceId } : {}),
    ...(event ? { event } : {}),
    ...(state ? { state } : {}),
    ...(ids ? { id: { $in: [...ids] } } : {}),
  };
}

function toInboxEvent(row: Omit<WebhookEvent, 'body'>): InboxEvent {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    event: row.event,
    entityId: row.entityId,
    state: row.state as WebhookEventState,
    attempts: row.attempts,
    receivedAt: row.receivedAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    handledAt: row.handledAt?.toISOString() ?? null,
    lastError: row.lastError ?? null,
    handlers: row.handlerResults ? (JSON.parse(row.handlerResults) as Record<string, unknown>) : {},
  };
}
