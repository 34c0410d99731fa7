import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

interface QueryClient {
  query(connection: unknown, query: unknown): Promise<unknown>;
}

/**
 * Every ORM query on SQLite waits for a turn of the event loop of its own. better-sqlite3 answers at once, so a chain
 * of ORM calls (ten INSTALLED calls at once: installations, jobs, their first pages) otherwise runs as one unbroken
 * string of microtasks, holding timers and I/O back for its whole length. The synchronous hot paths (`withSqlite`:
 * the webhook inbox, bootstrap pages) do not come through here: they batch their own work. Measured on bench (b)'s
 * first round in a fresh process, four interleaved pairs: event-loop delay p99 11–13 ms against 15–30 ms.
 */
export function takeTurnsForSqlite(orm: MikroORM): void {
  const client = (orm.em as EntityManager).getKnex().client as QueryClient;
  const query = client.query.bind(client);
  client.query = async (connection, statement) => {
    await nextTurn();
    return query(connection, statement);
  };
}
