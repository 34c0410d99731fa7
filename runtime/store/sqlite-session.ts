import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { entryOf } from '../map-entry.js';

/** The parts of a better-sqlite3 prepared statement the hot paths use. */
export interface SqliteStatement {
  run(...parameters: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
}

/** Synchronous access to the SQLite connection, for the few paths where every microsecond of a write counts. */
export interface SqliteSession {
  /** A prepared statement, compiled once per connection and reused. */
  statement(sql: string): SqliteStatement;
  /** Runs `work` in one transaction (BEGIN IMMEDIATE … COMMIT), rolled back if it throws. */
  transaction<T>(work: () => T): T;
}

export type WithSqlite = <T>(work: (session: SqliteSession) => T) => Promise<T>;

interface RawConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: () => T): { immediate(): T };
}

interface PoolClient {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(connection: RawConnection): Promise<unknown> | unknown;
}

/**
 * Runs synchronous work on the SQLite connection of the ORM's pool. knex keeps one connection for SQLite and lends it
 * to one user at a time, so borrowing it here waits for any ORM transaction in progress and holds it only while the
 * work runs, which, being synchronous, nothing can interleave with. Through knex each statement costs a query build, a
 * fresh prepare and several promise hops; here a batch of inbox writes is a few cached statements in one commit.
 */
export function createSqliteAccess(orm: MikroORM): WithSqlite {
  const client = (orm.em as EntityManager).getKnex().client as PoolClient;
  const statements = new WeakMap<RawConnection, Map<string, SqliteStatement>>();
  return async (work) => {
    const connection = await client.acquireConnection();
    try {
      const cache = entryOf(statements, connection, () => new Map<string, SqliteStatement>());
      const session: SqliteSession = {
        statement: (sql) => entryOf(cache, sql, () => connection.prepare(sql)),
        transaction: (inner) => connection.transaction(inner).immediate(),
      };
      return work(session);
    } finally {
      await client.releaseConnection(connection);
    }
  };
}
