import type { Logger, Store } from '../../runtime/index.js';
import { startWalCheckpointer, type WalCheckpointer } from '../../runtime/index.js';
import { databaseOf } from './database.js';

/** While jobs write, the WAL is checkpointed off the event loop; SQLite's own threshold is raised as a safety net only. */
const SAFETY_NET_PAGES = 25_000;

export interface WalRelief {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * SQLite only: while bootstrap jobs run, moves WAL checkpoints to a thread (see `startWalCheckpointer`) and restores
 * the connection's own `wal_autocheckpoint` afterwards. PostgreSQL needs nothing of the kind: its driver does not
 * block the event loop.
 */
export function createWalRelief(store: Store, log: Logger): WalRelief | undefined {
  if (store.driver !== 'sqlite') return undefined;
  const file = String(store.orm.config.get('dbName'));
  if (file === ':memory:') return undefined;
  let checkpointer: WalCheckpointer | undefined;
  let previous: number | undefined;
  const pragma = async (value: number) => databaseOf(store).knex.raw(`pragma wal_autocheckpoint = ${value}`);
  return {
    async start() {
      if (checkpointer) return;
      try {
        const [row] = (await databaseOf(store).knex.raw('pragma wal_autocheckpoint')) as { wal_autocheckpoint: number }[];
        previous = row?.wal_autocheckpoint;
        checkpointer = startWalCheckpointer(file, { onError: (error) => log.warn({ err: error }, 'WAL checkpoint thread failed') });
        await pragma(SAFETY_NET_PAGES);
      } catch (error) {
        log.warn({ err: error }, 'WAL checkpoints stay on the event loop');
      }
    },
    async stop() {
      const running = checkpointer;
      checkpointer = undefined;
      if (previous !== undefined) await pragma(previous).catch((error) => log.warn({ err: error }, 'wal_autocheckpoint not restored'));
      await running?.stop();
    },
  };
}
