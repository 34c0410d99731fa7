import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

interface QueryClient {
  query(connection: unknown, query: unknown): Promise<unknown>;
}

/** How long ORM queries may keep one turn of the event loop before the next one waits for a turn of its own. */
export const SQLITE_TURN_SLICE_MS = 2;

/**
 * Gives the event loop a turn between ORM queries on SQLite once a turn has spent `sliceMs` on them. better-sqlite3
 * answers at once, so a chain of ORM calls (an INSTALLED call on a cold process: its installation, its job, the job's
 * first pages) otherwise runs as one unbroken string of microtasks, holding timers and I/O back for its whole length.
 * A query alone in its turn, as on a request path (the installation behind a webhook), runs at once: making every
 * query wait for a turn cost the webhook route its p99 at 500 deliveries/s (≤ 25 ms against ≤ 10 ms), its
 * installation lookups queued behind whole turns of requests. The batched hot paths (`withSqlite`) do not come here.
 */
export function takeTurnsForSqlite(orm: MikroORM, { sliceMs = SQLITE_TURN_SLICE_MS }: { sliceMs?: number } = {}): void {
  const client = (orm.em as EntityManager).getKnex().client as QueryClient;
  const query = client.query.bind(client);
  // When this turn's first ORM query started; cleared when the turn ends (at the check phase after it).
  let sliceStart: number | undefined;
  client.query = async (connection, statement) => {
    if (sliceStart !== undefined && performance.now() - sliceStart >= sliceMs) await nextTurn();
    if (sliceStart === undefined) {
      sliceStart = performance.now();
      setImmediate(() => {
        sliceStart = undefined;
      });
    }
    return query(connection, statement);
  };
}
