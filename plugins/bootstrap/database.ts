import type { Knex } from '@mikro-orm/knex';
import type { Store } from '../../runtime/index.js';

export interface Database {
  knex: Knex;
  /** A date as the driver stores it (SQLite keeps numbers, PostgreSQL timestamps), for queries written with knex. */
  at(date: Date): Knex.Value;
}

const databases = new WeakMap<Store, Database>();

/**
 * knex on the store's connection, for the conditional updates and bulk writes the ORM's unit of work does not express.
 * Kept per store: forking an EntityManager for every statement costs more than some of the statements.
 */
export function databaseOf(store: Store): Database {
  let database = databases.get(store);
  if (!database) {
    const em = store.em();
    const platform = em.getPlatform();
    database = { knex: em.getKnex(), at: (date) => platform.processDateProperty(date) as Knex.Value };
    databases.set(store, database);
  }
  return database;
}

type Runner = Knex | Knex.Transaction;
type RawResult = { changes?: number; rowCount?: number; rows?: unknown[] } | unknown[];

/**
 * The hot statements (a few per page stored) are written as SQL once instead of built by knex's query builder on every
 * call, whose compilation cost more main-thread time than SQLite took to run them. The SQL is the subset SQLite and
 * PostgreSQL share (`on conflict`, `returning`); knex turns the `?` into `$n` for PostgreSQL.
 */
export async function execute(db: Runner, sql: string, bindings: readonly Knex.Value[]): Promise<number> {
  const result = (await db.raw(sql, bindings as Knex.Value[])) as RawResult;
  return Array.isArray(result) ? result.length : (result.changes ?? result.rowCount ?? 0);
}

export async function select<T>(db: Runner, sql: string, bindings: readonly Knex.Value[]): Promise<T[]> {
  const result = (await db.raw(sql, bindings as Knex.Value[])) as RawResult;
  return (Array.isArray(result) ? result : (result.rows ?? [])) as T[];
}

const placeholderCache = new Map<string, string>();

/** `(?, ?, ?), (?, ?, ?)`: the values clause of a multi-row statement. */
export function placeholders(rows: number, columns: number): string {
  const key = `${rows}x${columns}`;
  let text = placeholderCache.get(key);
  if (text === undefined) {
    text = Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');
    if (placeholderCache.size < 1000) placeholderCache.set(key, text);
  }
  return text;
}

/** Splits rows into batches: SQLite takes at most 500 rows in one multi-row statement here (STACK.md, gotcha 7). */
export function chunksOf<T>(rows: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
