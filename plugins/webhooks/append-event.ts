import type { Knex } from '@mikro-orm/knex';
import type { Store, WebhookEventName } from '../../runtime/index.js';
import { dedupeDelivery } from './dedupe-key.js';

export interface Receipt {
  /** `accepted`: stored now; `duplicate`: the inbox already holds this delivery (Clockify sent it again). */
  status: 'accepted' | 'duplicate';
  id: number;
}

export type AppendEvent = (delivery: { workspaceId: string; event: WebhookEventName; body: unknown }) => Promise<Receipt>;

interface Waiting {
  row: Record<string, unknown>;
  resolve(receipt: Receipt): void;
  reject(error: unknown): void;
}

/**
 * Stores a delivery before it is acknowledged, with group commit: deliveries that arrive while a write is in flight
 * are written together in the next transaction, so under load one commit (and one statement) serves many requests
 * and no request waits for more than the write before its own. Every caller is answered only after the transaction
 * holding its row committed. The unique dedupe key does the deduplication in the database
 * (`insert … on conflict do nothing`), so concurrent copies on any number of instances leave exactly one row and
 * every copy learns its id. Plain knex rather than the unit of work: this is the hot path of every delivery.
 */
export function createAppendEvent(store: Store, { maxBatch = 500 }: { maxBatch?: number } = {}): AppendEvent {
  let waiting: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const receipts = await writeBatch(
          store,
          batch.map((item) => item.row),
        );
        const answered = new Set<string>();
        for (const item of batch) {
          const key = item.row.dedupe_key as string;
          const receipt = receipts.get(key);
          // Gone between the two statements only if a purge removed it meanwhile: store it again rather than lose it.
          if (!receipt) waiting.push(item);
          // Copies of one delivery in the same batch: the first is the accepted one, the others its duplicates.
          else item.resolve(answered.has(key) ? { status: 'duplicate', id: receipt.id } : receipt);
          answered.add(key);
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = false;
  }

  return function appendEvent({ workspaceId, event, body }) {
    const { dedupeKey, entityId } = dedupeDelivery(workspaceId, event, body);
    const row = { dedupe_key: dedupeKey, workspace_id: workspaceId, event, entity_id: entityId, body: JSON.stringify(body) };
    return new Promise<Receipt>((resolve, reject) => {
      waiting.push({ row, resolve, reject });
      // The first arrival starts a write on the next turn, so deliveries of the same moment share it.
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
  };
}

/** One transaction: insert what is new, then look up the ids of what was already there. Keyed by dedupe key. */
async function writeBatch(store: Store, rows: Record<string, unknown>[]): Promise<Map<string, Receipt>> {
  const em = store.em();
  // SQLite keeps dates as epoch milliseconds, PostgreSQL as timestamptz: the platform converts.
  const now = em.getPlatform().processDateProperty(new Date());
  const unique = [...new Map(rows.map((row) => [row.dedupe_key as string, row])).values()];
  const full = unique.map((row) => ({ ...row, received_at: now, state: 'pending', attempts: 0, updated_at: now }));
  return em.getKnex().transaction(async (trx: Knex.Transaction) => {
    const inserted: { id: number; dedupe_key: string }[] = await trx('webhook_event')
      .insert(full)
      .onConflict('dedupe_key')
      .ignore()
      .returning(['id', 'dedupe_key']);
    const receipts = new Map<string, Receipt>(inserted.map((row) => [row.dedupe_key, { status: 'accepted', id: Number(row.id) }]));
    const known = unique.map((row) => row.dedupe_key as string).filter((key) => !receipts.has(key));
    if (known.length > 0) {
      const existing: { id: number; dedupe_key: string }[] = await trx('webhook_event')
        .whereIn('dedupe_key', known)
        .select('id', 'dedupe_key');
      for (const row of existing) receipts.set(row.dedupe_key, { status: 'duplicate', id: Number(row.id) });
    }
    return receipts;
  });
}
