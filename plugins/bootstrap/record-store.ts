import { setImmediate } from 'node:timers/promises';
import type { Knex } from '@mikro-orm/knex';
import type { Store } from '../../runtime/index.js';
import { chunksOf, databaseOf, execute, placeholders } from './database.js';

/** A record as stored: its body already JSON text (from the worker), so nothing is parsed or serialised here. */
export interface RecordRow {
  workspaceId: string;
  resource: string;
  recordId: string;
  parentId: string;
  body: string;
}

export interface StoredRecord {
  recordId: string;
  parentId: string;
  body: unknown;
}

export interface RecordStore {
  /**
   * Inserts or replaces records, `statementRows` (at most 500) per statement; inside the caller's transaction `trx`
   * when given, else on the store's connection.
   */
  upsert(rows: readonly RecordRow[], now: Date, trx?: Knex | Knex.Transaction, statementRows?: number): Promise<void>;
  find(workspaceId: string, resource: string, recordId: string): Promise<StoredRecord | undefined>;
  list(workspaceId: string, resource: string): Promise<StoredRecord[]>;
  remove(workspaceId: string, resource: string, recordId: string): Promise<number>;
  removeWorkspace(workspaceId: string): Promise<number>;
  /** Records per resource of a workspace. */
  count(workspaceId: string): Promise<Record<string, number>>;
}

const TABLE = 'workspace_record';
export const UPSERT = `insert into ${TABLE} (workspace_id, resource, record_id, parent_id, body, updated_at) values`;
export const ON_CONFLICT =
  'on conflict (workspace_id, resource, record_id) do update set parent_id = excluded.parent_id, body = excluded.body, updated_at = excluded.updated_at';

/** The `workspace_record` table: the local copy, keyed by (workspace, resource, record id), so a rerun never duplicates. */
export function createRecordStore(store: Store): RecordStore {
  const toStored = (row: { record_id: string; parent_id: string; body: unknown }): StoredRecord => ({
    recordId: row.record_id,
    parentId: row.parent_id,
    // PostgreSQL's driver parses json columns; SQLite hands the text back.
    body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
  });
  return {
    async upsert(rows, now, trx = databaseOf(store).knex, statementRows = 100) {
      const updatedAt = databaseOf(store).at(now);
      // PostgreSQL refuses one upsert that touches a row twice (a manager listed under two users): the last one wins.
      const unique = new Map(rows.map((row) => [`${row.workspaceId}\u0000${row.resource}\u0000${row.recordId}`, row]));
      for (const batch of chunksOf([...unique.values()], statementRows)) {
        const values = batch.flatMap((row) => [row.workspaceId, row.resource, row.recordId, row.parentId, row.body, updatedAt]);
        await execute(trx, `${UPSERT} ${placeholders(batch.length, 6)} ${ON_CONFLICT}`, values);
        await setImmediate();
      }
    },
    async find(workspaceId, resource, recordId) {
      const row = await databaseOf(store).knex(TABLE).where({ workspace_id: workspaceId, resource, record_id: recordId }).first();
      return row ? toStored(row) : undefined;
    },
    async list(workspaceId, resource) {
      const rows = await databaseOf(store).knex(TABLE).where({ workspace_id: workspaceId, resource }).orderBy('record_id');
      return rows.map(toStored);
    },
    remove: (workspaceId, resource, recordId) =>
      databaseOf(store).knex(TABLE).where({ workspace_id: workspaceId, resource, record_id: recordId }).delete(),
    removeWorkspace: (workspaceId) => databaseOf(store).knex(TABLE).where({ workspace_id: workspaceId }).delete(),
    async count(workspaceId) {
      const rows: { resource: string; count: number | string }[] = await databaseOf(store)
        .knex(TABLE)
        .select('resource')
        .count({ count: '*' })
        .where({ workspace_id: workspaceId })
        .groupBy('resource');
      return Object.fromEntries(rows.map(({ resource, count }) => [resource, Number(count)]));
    },
  };
}
