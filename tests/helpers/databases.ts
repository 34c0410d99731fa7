import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** PostgreSQL for the shared suites: CI sets it; elsewhere those cases skip with a message. */
export const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl) {
  console.warn('TEST_DATABASE_URL is not set: PostgreSQL cases are skipped (CI sets it to postgres://postgres@127.0.0.1:5432/test)');
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'postgresql';
  create(): Promise<TestDatabase>;
}

/** Every database the same suite runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = [
  { name: 'sqlite', create: async () => createSqliteDatabase() },
  ...(postgresUrl ? [{ name: 'postgresql' as const, create: () => createPostgresDatabase(postgresUrl) }] : []),
];

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'addon-test-'));
  return { url: `sqlite:${join(dir, 'addon.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database of its own per test, created from the server's and dropped afterwards. */
export async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `addon_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
