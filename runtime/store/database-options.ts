import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Options } from '@mikro-orm/core';

export type DriverName = 'sqlite' | 'postgresql';

export interface DatabaseTarget {
  driver: DriverName;
  /** What logs and `config check` may show: the file path, or the URL with its password masked. */
  display: string;
  options: Options;
}

/**
 * `DATABASE_URL` → driver options: absent → SQLite under dataDir; `sqlite:<path>` → that file; `postgres://` → PostgreSQL.
 * Only the chosen driver is imported: each is a large module tree, and start-up time counts.
 */
export async function databaseTarget({ url, dataDir }: { url?: string; dataDir: string }): Promise<DatabaseTarget> {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return {
      driver: 'postgresql',
      display: maskUrl(url),
      options: {
        driver: (await import('@mikro-orm/postgresql')).PostgreSqlDriver,
        clientUrl: url,
        // A short acquire timeout lets /ready answer quickly when the server is gone.
        pool: { min: 0, max: 10, acquireTimeoutMillis: 3000, idleTimeoutMillis: 10000 },
        driverOptions: { connection: { connectionTimeoutMillis: 3000 } },
      },
    };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : resolve(dataDir, 'addon.sqlite');
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  return {
    driver: 'sqlite',
    display: file,
    options: { driver: (await import('@mikro-orm/better-sqlite')).BetterSqliteDriver, dbName: file, pool: { afterCreate: sqlitePragmas } },
  };
}

/**
 * WAL: readers (the CLI, `/ready`) do not block the writer, and a commit is one append instead of a journal dance.
 * synchronous=NORMAL: a committed transaction survives a crash of the process (kill -9), while a power loss may drop
 * the last commits; each write is many times faster than with the default FULL. plugins/webhooks/README.md has the trade-off.
 * temp_store=MEMORY: a statement that changes several rows keeps its statement journal and its temporary tables (an
 * `in (…)` list, RETURNING rows) in memory; on disk each such statement created and wrote a temporary file, which made
 * a claim of a few inbox events or bootstrap pages take ~4× as long.
 */
function sqlitePragmas(connection: { pragma(source: string): unknown }, done: (error: Error | null, connection: unknown) => void): void {
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('temp_store = MEMORY');
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
