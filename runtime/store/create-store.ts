import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from 'pino';
import { AddonError } from '../errors/index.js';
import { TIMED_OUT, withTimeLimit } from '../time-limit.js';
import { startWalCheckpointer } from '../workers/wal-checkpointer.js';
import { type DriverName, databaseTarget } from './database-options.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { createSqliteAccess, type WithSqlite } from './sqlite-session.js';
import { takeTurnsForSqlite } from './sqlite-turns.js';

export interface Store {
  readonly orm: MikroORM;
  readonly driver: DriverName;
  /** The database as logs may show it (password masked). */
  readonly display: string;
  /** A fresh EntityManager: one per request, job or test (MikroORM has no global context). */
  em(): EntityManager;
  /** On SQLite only: synchronous statements on the pooled connection, for hot paths (sqlite-session.ts). */
  readonly withSqlite?: WithSqlite;
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface CreateStoreOptions {
  url?: string;
  dataDir: string;
  log: Logger;
  debug?: boolean;
}

/** Connects MikroORM to SQLite or PostgreSQL; migrations are run explicitly by the caller (`migrate`). */
export async function createStore({ url, dataDir, log, debug = false }: CreateStoreOptions): Promise<Store> {
  const target = await databaseTarget({ url, dataDir });
  let orm: MikroORM;
  try {
    orm = await MikroORM.init({
      ...target.options,
      // knex reports pool and connection trouble through this logger instead of the console.
      driverOptions: { ...(target.options.driverOptions as object | undefined), log: knexLog(log) },
      entities,
      migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
      debug,
      logger: (message) => log.debug({ orm: message.slice(0, 2000) }, 'orm'),
      discovery: { warnWhenNoEntities: false },
    });
    await orm.em.getConnection().execute('select 1');
  } catch (cause) {
    throw new AddonError('STORE_CONNECT_FAILED', `${target.display}: ${(cause as Error).message}`, {}, { cause });
  }
  log.debug({ driver: target.driver, database: target.display }, 'database connected');
  const checkpointer = await relieveWal(orm, target, log);
  if (target.driver === 'sqlite') takeTurnsForSqlite(orm);
  return {
    orm,
    driver: target.driver,
    display: target.display,
    em: () => orm.em.fork() as EntityManager,
    ...(target.driver === 'sqlite' ? { withSqlite: createSqliteAccess(orm) } : {}),
    async ping(timeoutMs = 2000) {
      const answer = await withTimeLimit(orm.em.getConnection().execute('select 1'), timeoutMs);
      if (answer === TIMED_OUT) throw new Error(`database ping timed out after ${timeoutMs} ms`);
    },
    migrate: () => migrate(orm, target.display),
    close: async () => {
      await checkpointer?.stop();
      await orm.close(true);
    },
  };
}

/** SQLite checkpoints by itself only past this many WAL pages (~100 MB), should the checkpoint thread be gone. */
const WAL_SAFETY_NET_PAGES = 25_000;

/**
 * SQLite file databases: the write-ahead log is checkpointed (copied into the database file, with an fsync) by a
 * thread of its own instead of inside whichever COMMIT crosses `wal_autocheckpoint`, which with better-sqlite3 is
 * the event loop, blocked for milliseconds while webhook receipts and bootstrap pages wait.
 */
async function relieveWal(orm: MikroORM, target: { driver: DriverName; display: string }, log: Logger) {
  if (target.driver !== 'sqlite' || target.display === ':memory:') return undefined;
  try {
    const checkpointer = startWalCheckpointer(target.display, {
      onError: (error) => log.warn({ err: error }, 'WAL checkpoint thread failed; SQLite checkpoints on its own'),
    });
    await orm.em.getConnection().execute(`pragma wal_autocheckpoint = ${WAL_SAFETY_NET_PAGES}`);
    return checkpointer;
  } catch (error) {
    log.warn({ err: error }, 'WAL checkpoints stay on the event loop');
    return undefined;
  }
}

const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * Applies pending migrations. MikroORM's migrator (umzug and its dependencies) is loaded only when the migrations
 * table lacks one of ours: most starts find everything applied, and loading it would cost them for nothing.
 */
async function migrate(orm: MikroORM, display: string): Promise<string[]> {
  try {
    if (await allApplied(orm)) return [];
    const { Migrator } = await import('@mikro-orm/migrations');
    Migrator.register(orm);
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } catch (cause) {
    const message = (cause as Error).message.slice(0, 500);
    throw new AddonError('STORE_MIGRATION_FAILED', `${display}: ${message}`, {}, { cause });
  }
}

async function allApplied(orm: MikroORM): Promise<boolean> {
  const knex = (orm.em as EntityManager).getKnex();
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return false;
  const rows: { name: string }[] = await knex(MIGRATIONS_TABLE).select('name');
  const done = new Set(rows.map((row) => row.name));
  return migrations.every((migration) => done.has(migration.name));
}

function knexLog(log: Logger) {
  const write = (level: 'debug' | 'warn' | 'error') => (message: unknown) =>
    log[level]({ knex: String(message).slice(0, 500) }, 'database driver');
  return { debug: write('debug'), warn: write('warn'), error: write('error'), deprecate: write('warn') };
}
