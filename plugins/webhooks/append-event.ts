import type { Knex } from '@mikro-orm/knex';
import type { SqliteSession, Store, WebhookEventName } from '../../runtime/index.js';
import { dedupeDelivery } from './dedupe-key.js';

export interface Receipt {
  /** `accepted`: stored now; `duplicate`: the inbox already holds this delivery (Clockify sent it again). */
  status: 'accepted' | 'duplicate';
  id: number;
}

/** A receipt, and the entity the delivery is about (its order key within the workspace). */
export type AppendEvent = (delivery: {
  workspaceId: string;
  event: WebhookEventName;
  body: unknown;
}) => Promise<Receipt & { entityId: string }>;

interface Row {
  dedupe_key: string;
  workspace_id: string;
  event: string;
  entity_id: string;
  body: string;
}

interface Waiting {
  row: Row;
  resolve(receipt: Receipt & { entityId: string }): void;
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
  const write = store.withSqlite
    ? (rows: Row[]) => store.withSqlite!((session) => writeBatchSqlite(session, rows))
    : (rows: Row[]) => writeBatch(store, rows);
  let waiting: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const receipts = await write(batch.map((item) => item.row));
        const answered = new Set<string>();
        for (const item of batch) {
          const key = item.row.dedupe_key;
          const receipt = receipts.get(key);
          // Gone between the two statements only if a purge removed it meanwhile: store it again rather than lose it.
          if (!receipt) waiting.push(item);
          // Copies of one delivery in the same batch: the first is the accepted one, the others its duplicates.
          else item.resolve({ ...(answered.has(key) ? { status: 'duplicate', id: receipt.id } : receipt), entityId: item.row.entity_id });
          answered.add(key);
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = false;
  }

  return function appendEvent({ workspaceId, event, body }) {
    const { dedupeKey, entityId, canonicalBody } = dedupeDelivery(workspaceId, event, body);
    const row = { dedupe_key: dedupeKey, workspace_id: workspaceId, event, entity_id: entityId, body: canonicalBody };
    return new Promise<Receipt & { entityId: string }>((resolve, reject) => {
      waiting.push({ row, resolve, reject });
      // The first arrival starts a write on the next turn, so deliveries of the same moment share it.
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
  };
}

/** The inbox's unique index (migration 0006): the dedupe key under its workspace and entity. */
const UNIQUE_COLUMNS = ['workspace_id', 'entity_id', 'dedupe_key'] as const satisfies readonly (keyof Row)[];

/** A row's values for the unique index's columns, in their order. */
const uniqueValues = (row: Row) => UNIQUE_COLUMNS.map((column) => row[column]);

/** One transaction: insert what is new, then look up the ids of what was already there. Keyed by dedupe key. */
async function writeBatch(store: Store, rows: Row[]): Promise<Map<string, Receipt>> {
  const em = store.em();
  // SQLite keeps dates as epoch milliseconds, PostgreSQL as timestamptz: the platform converts.
  const now = em.getPlatform().processDateProperty(new Date());
  const unique = [...new Map(rows.map((row) => [row.dedupe_key, row])).values()];
  const full = unique.map((row) => ({ ...row, received_at: now, state: 'pending', attempts: 0, updated_at: now }));
  return em.getKnex().transaction(async (trx: Knex.Transaction) => {
    const inserted: { id: number; dedupe_key: string }[] = await trx('webhook_event')
      .insert(full)
      .onConflict([...UNIQUE_COLUMNS])
      .ignore()
      .returning(['id', 'dedupe_key']);
    const receipts = new Map<string, Receipt>(inserted.map((row) => [row.dedupe_key, { status: 'accepted', id: Number(row.id) }]));
    const known = unique.filter((row) => !receipts.has(row.dedupe_key));
    if (known.length > 0) {
      const existing: { id: number; dedupe_key: string }[] = await trx('webhook_event')
        .whereIn([...UNIQUE_COLUMNS], known.map(uniqueValues))
        .select('id', 'dedupe_key');
      for (const row of existing) receipts.set(row.dedupe_key, { status: 'duplicate', id: Number(row.id) });
    }
    return receipts;
  });
}

const INSERT_SQLITE = `insert into webhook_event (dedupe_key, workspace_id, event, entity_id, body, received_at, state, attempts, updated_at)
  values (?, ?, ?, ?, ?, ?, 'pending', 0, ?) on conflict (${UNIQUE_COLUMNS.join(', ')}) do nothing`;
const FIND_SQLITE = `select id from webhook_event where ${UNIQUE_COLUMNS.map((column) => `${column} = ?`).join(' and ')}`;

/**
 * The same transaction on SQLite, synchronously on the pooled connection with statements prepared once: one cached
 * insert per row instead of a statement built by knex per batch, and no promise hop between the statements. The new
 * row's id comes from the connection's last insert rowid rather than from `returning`, which costs SQLite a third of
 * the insert. Dates are epoch milliseconds, as the ORM stores them on SQLite.
 */
function writeBatchSqlite(session: SqliteSession, rows: Row[]): Map<string, Receipt> {
  const insert = session.statement(INSERT_SQLITE);
  const find = session.statement(FIND_SQLITE);
  return session.transaction(() => {
    const now = Date.now();
    const receipts = new Map<string, Receipt>();
    for (const row of rows) {
      if (receipts.has(row.dedupe_key)) continue;
      const inserted = insert.run(row.dedupe_key, row.workspace_id, row.event, row.entity_id, row.body, now, now);
      if (inserted.changes === 1) {
        receipts.set(row.dedupe_key, { status: 'accepted', id: Number(inserted.lastInsertRowid) });
        continue;
      }
      const existing = find.get(...uniqueValues(row)) as { id: number } | undefined;
      if (existing) receipts.set(row.dedupe_key, { status: 'duplicate', id: Number(existing.id) });
    }
    return receipts;
  });
}
