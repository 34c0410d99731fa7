import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLog } from '../../tests/helpers/capture-log.js';
import { databaseKinds, type TestDatabase } from '../../tests/helpers/databases.js';
import { installationRecord } from '../../tests/helpers/installation-record.js';
import { createInstallations } from '../clockify/create-installations.js';
import { createSecretBox } from '../security/secret-box.js';
import { createStore, type Store } from './create-store.js';
import { Installation } from './entities/installation.js';
import { Migration0006WebhookDedupeByEntity } from './migrations/0006-webhook-dedupe-by-entity.js';
import { migrations } from './migrations/index.js';

/** A pending inbox row as the webhook plugin writes it; `key` is repeated into a 64-character dedupe key. */
function inboxRow(store: Store, { key, entityId, body = '{}' }: { key: string; entityId: string; body?: string }) {
  const now = store.em().getPlatform().processDateProperty(new Date());
  return {
    dedupe_key: key.repeat(64),
    workspace_id: 'ws-1',
    event: 'NEW_TIME_ENTRY',
    entity_id: entityId,
    body,
    received_at: now,
    state: 'pending',
    attempts: 0,
    updated_at: now,
  };
}

describe.each(databaseKinds)('store on $name', ({ create }) => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });

  async function open(): Promise<Store> {
    database = await create();
    store = await createStore({ url: database.url, dataDir: '/tmp', log: captureLog().log });
    return store;
  }

  it('applies migrations once and answers pings', async () => {
    const opened = await open();
    expect(await opened.migrate()).toEqual(migrations.map((migration) => migration.name));
    expect(await opened.migrate()).toEqual([]);
    await expect(opened.ping()).resolves.toBeUndefined();
  });

  it('keeps installations with their tokens sealed at rest', async () => {
    const opened = await open();
    await opened.migrate();
    const installations = createInstallations(opened, createSecretBox(randomBytes(32)));
    await installations.save(installationRecord());
    expect(await installations.find('ws-1')).toEqual(installationRecord());

    const raw = await opened.em().findOneOrFail(Installation, { workspaceId: 'ws-1' });
    expect(raw.authToken).not.toContain('installation-token-secret');
    expect(raw.webhookTokens).not.toContain('webhook-token-secret');

    await installations.save(installationRecord({ addonId: 'addon-2', status: 'INACTIVE', webhookTokens: {} }));
    await installations.save(installationRecord({ workspaceId: 'ws-0' }));
    expect((await installations.list()).map((item) => [item.workspaceId, item.addonId, item.status])).toEqual([
      ['ws-0', 'addon-1', 'ACTIVE'],
      ['ws-1', 'addon-2', 'INACTIVE'],
    ]);
    expect(await installations.remove('ws-1')).toBe(true);
    expect(await installations.remove('ws-1')).toBe(false);
    expect(await installations.find('ws-1')).toBeNull();
  });

  it('serves reads from a short cache that its own writes clear at once and that expires for writes made elsewhere', async () => {
    const opened = await open();
    await opened.migrate();
    let clock = 0;
    const installations = createInstallations(opened, createSecretBox(randomBytes(32)), { cacheTtlMs: 1000, now: () => clock });
    await installations.save(installationRecord());
    expect((await installations.find('ws-1'))?.status).toBe('ACTIVE');
    expect(await installations.setStatus({ workspaceId: 'ws-1', addonId: 'addon-1' }, 'INACTIVE', new Date())).toBe(true);
    expect(await installations.setStatus({ workspaceId: 'ws-1', addonId: 'other-addon' }, 'ACTIVE', new Date())).toBe(false);
    expect((await installations.find('ws-1'))?.status).toBe('INACTIVE');

    // Another instance's write reaches the database directly: visible once the entry expires.
    await opened.em().nativeUpdate(Installation, { workspaceId: 'ws-1' }, { status: 'ACTIVE' });
    expect((await installations.find('ws-1'))?.status).toBe('INACTIVE');
    clock += 1001;
    expect((await installations.find('ws-1'))?.status).toBe('ACTIVE');

    expect(await installations.retire({ workspaceId: 'ws-1', addonId: 'addon-1' }, new Date())).toBe(true);
    expect(await installations.find('ws-1')).toBeNull();
    expect(await installations.isRetired({ workspaceId: 'ws-1', addonId: 'addon-1' })).toBe(true);
  });

  it('keeps one inbox row per dedupe key, unique under its workspace and entity', async () => {
    const opened = await open();
    await opened.migrate();
    const knex = opened.em().getKnex();
    await knex('webhook_event').insert(inboxRow(opened, { key: 'k', entityId: 'entry-1', body: '{}' }));
    const again = inboxRow(opened, { key: 'k', entityId: 'entry-1', body: '{"again":true}' });
    await expect(knex('webhook_event').insert(again)).rejects.toThrow(/unique|duplicate/i);
    const [{ rows }] = (await knex('webhook_event').count({ rows: '*' })) as [{ rows: number | string }];
    expect(Number(rows)).toBe(1);
  });

  it('upgrades an inbox from before migration 0006 with its rows, which stay unique under the new index', async () => {
    const opened = await open();
    await opened.migrate();
    const em = opened.em();
    const migration = new Migration0006WebhookDedupeByEntity(em.getDriver(), em.config);
    await migration.down();
    const knex = em.getKnex();
    const row = (key: string, entityId: string) => inboxRow(opened, { key, entityId });
    await knex('webhook_event').insert([row('a', 'entry-1'), row('b', 'entry-1'), row('c', 'entry-2')]);
    // Before 0006 the key alone is unique, whatever the entity.
    await expect(knex('webhook_event').insert(row('a', 'entry-9'))).rejects.toThrow(/unique|duplicate/i);
    await migration.up();
    const kept = await knex('webhook_event').orderBy('dedupe_key').pluck('entity_id');
    expect(kept).toEqual(['entry-1', 'entry-1', 'entry-2']);
    await expect(knex('webhook_event').insert(row('c', 'entry-2'))).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses to open tokens sealed under another key', async () => {
    const opened = await open();
    await opened.migrate();
    await createInstallations(opened, createSecretBox(randomBytes(32))).save(installationRecord());
    await expect(createInstallations(opened, createSecretBox(randomBytes(32))).find('ws-1')).rejects.toThrow();
  });
});

describe('createStore errors', () => {
  it('STORE_CONNECT_FAILED names the database without its password', async () => {
    const error = await createStore({ url: 'postgres://app:hunter2@127.0.0.1:1/nowhere', dataDir: '/tmp', log: captureLog().log }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'STORE_CONNECT_FAILED' });
    expect((error as Error).message).toContain('postgres://app:***@127.0.0.1:1/nowhere');
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('ORM queries on SQLite', () => {
  // About 20 ms of work for SQLite (well past the 2 ms slice), answered synchronously like every query.
  const SLOW = 'with recursive n(x) as (select 1 union all select x + 1 from n where x < 300000) select count(*) from n';

  it('let the event loop turn once a turn has spent its slice on them, and run at once while it has not', async () => {
    const store = await createStore({ url: 'sqlite::memory:', dataDir: '/tmp', log: captureLog().log });
    try {
      const connection = store.orm.em.getConnection();
      await connection.execute('select 1');
      const chain = async (sql: string) => {
        const order: string[] = [];
        setImmediate(() => order.push('turn'));
        for (let index = 0; index < 3; index++) {
          await connection.execute(sql);
          order.push(`query ${index}`);
        }
        return order;
      };
      expect(await chain('select 1')).toEqual(['query 0', 'query 1', 'query 2']);
      expect(await chain(SLOW)).toEqual(['query 0', 'turn', 'query 1', 'query 2']);
      // The batched hot paths run at once, however long: they bound their own work.
      const session: string[] = [];
      setImmediate(() => session.push('turn'));
      for (let index = 0; index < 3; index++) await store.withSqlite?.((sqlite) => sqlite.statement(SLOW).get());
      session.push('batches');
      expect(session).toEqual(['batches']);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite write-ahead log', () => {
  it('runs in WAL mode with synchronous=NORMAL (what the webhook README promises) and temporary data in memory', async () => {
    const store = await createStore({ url: 'sqlite::memory:', dataDir: '/tmp', log: captureLog().log });
    try {
      const knex = store.em().getKnex();
      const pragma = async (name: string) => Object.values(((await knex.raw(`pragma ${name}`)) as Record<string, unknown>[])[0] ?? {})[0];
      // An in-memory database reports its journal as 'memory'; the setting matters for files, checked by the next test.
      expect(await pragma('synchronous')).toBe(1);
      // 2 = MEMORY: multi-row statements (inbox claims, bootstrap takes) wrote a temporary file each otherwise.
      expect(await pragma('temp_store')).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('is checkpointed by a thread of its own, not by the commits on the event loop', async () => {
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'store-wal-'));
    const file = join(dir, 'addon.sqlite');
    const store = await createStore({ url: `sqlite:${file}`, dataDir: dir, log: captureLog().log });
    try {
      await store.migrate();
      const knex = store.em().getKnex();
      const [mode] = (await knex.raw('pragma journal_mode')) as { journal_mode: string }[];
      expect(mode?.journal_mode).toBe('wal');
      const [setting] = (await knex.raw('pragma wal_autocheckpoint')) as { wal_autocheckpoint: number }[];
      // SQLite itself would only checkpoint past ~100 MB of log: the rows below stay far under that.
      expect(setting?.wal_autocheckpoint).toBe(25_000);
      const before = statSync(file).size;
      await store.withSqlite!((session) =>
        session.transaction(() => {
          const insert = session.statement('insert into retired_installation (addon_id, workspace_id, retired_at) values (?, ?, ?)');
          for (let index = 0; index < 2000; index += 1) insert.run(`addon-${index}-${'x'.repeat(40)}`, `ws-${'y'.repeat(50)}`, Date.now());
        }),
      );
      // The rows reach the database file without anyone on this thread asking for a checkpoint.
      await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(before + 100_000);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
