import type { Store, WebhookEventName } from '../../runtime/index.js';
import { dedupeDelivery } from './dedupe-key.js';

export interface Receipt {
  /** `accepted`: stored now; `duplicate`: the inbox already holds this delivery (Clockify sent it again). */
  status: 'accepted' | 'duplicate';
  id: number;
}

export type AppendEvent = (delivery: { workspaceId: string; event: WebhookEventName; body: unknown }) => Promise<Receipt>;

/**
 * Stores a delivery before it is acknowledged. The unique dedupe key does the deduplication in the database
 * (`insert … on conflict do nothing`), so concurrent copies on any number of instances leave exactly one row and
 * every copy learns its id. Plain knex rather than the unit of work: this is the hot path of every delivery.
 */
export function createAppendEvent(store: Store): AppendEvent {
  return async function appendEvent({ workspaceId, event, body }) {
    const { dedupeKey, entityId } = dedupeDelivery(workspaceId, event, body);
    const em = store.em();
    const knex = em.getKnex();
    // SQLite keeps dates as epoch milliseconds, PostgreSQL as timestamptz: the platform converts.
    const now = em.getPlatform().processDateProperty(new Date());
    const row = {
      dedupe_key: dedupeKey,
      workspace_id: workspaceId,
      event,
      entity_id: entityId,
      body: JSON.stringify(body),
      received_at: now,
      state: 'pending',
      attempts: 0,
      updated_at: now,
    };
    const inserted: { id: number }[] = await knex('webhook_event').insert(row).onConflict('dedupe_key').ignore().returning('id');
    if (inserted[0]) return { status: 'accepted', id: Number(inserted[0].id) };
    const existing: { id: number } | undefined = await knex('webhook_event').where('dedupe_key', dedupeKey).first('id');
    // Gone between the two statements only if a purge removed it meanwhile: store it again rather than lose it.
    if (!existing) return appendEvent({ workspaceId, event, body });
    return { status: 'duplicate', id: Number(existing.id) };
  };
}
