import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Where an inbox event stands: waiting or retrying (`pending`, `failed`), or done for good (the other three). */
export const WEBHOOK_EVENT_STATES = ['pending', 'handled', 'failed', 'dead', 'discarded'] as const;

export type WebhookEventState = (typeof WEBHOOK_EVENT_STATES)[number];

/** A count per state, every state at 0. */
export function emptyStateCounts(): Record<WebhookEventState, number> {
  return Object.fromEntries(WEBHOOK_EVENT_STATES.map((state) => [state, 0])) as Record<WebhookEventState, number>;
}

/** States the dispatcher still works on; every other state is final until an admin replays the event. */
export const OPEN_WEBHOOK_EVENT_STATES: readonly WebhookEventState[] = ['pending', 'failed'];

/**
 * One webhook delivery in the inbox, written before Clockify gets its 200 so an acknowledged event is never lost.
 * `dedupeKey` is unique (indexed under its workspace and entity, migration 0006): a delivery Clockify repeats lands on
 * the same row. `id` grows with receipt, which gives the dispatch order of the events of one workspace and entity.
 * On PostgreSQL a dispatcher owns a row while `leaseUntil` is ahead (on SQLite, one process's, leases stay in its
 * memory); `handlerResults` (JSON) records each handler's outcome, so a retry skips the handlers that succeeded.
 */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  uniques: [{ name: 'webhook_event_dedupe_unique', properties: ['workspaceId', 'entityId', 'dedupeKey'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    dedupeKey: p.string().length(64),
    workspaceId: p.string().length(64),
    event: p.string().length(64),
    /** The entity the event is about (time entry, project, user…); '' for workspace-wide events. */
    entityId: p.string().length(128),
    /** The JSON body as received. */
    body: p.text(),
    receivedAt: p.datetime(),
    state: p.string().length(16),
    attempts: p.integer(),
    nextAttemptAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    handledAt: p.datetime().nullable(),
    handlerResults: p.text().nullable(),
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
});

export type WebhookEvent = InferEntity<typeof WebhookEvent>;
