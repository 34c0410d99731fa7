import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../runtime/index.js';
import { createPostgresDatabase, postgresUrl, type TestDatabase } from '../helpers/databases.js';
import { startTestAddon } from '../helpers/start-addon.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

describe('GET /ready', () => {
  it('answers 503 naming a failing plugin check, and 200 once it passes', async () => {
    let healthy = false;
    const flaky = definePlugin({
      name: 'flaky',
      setup: (ctx) =>
        ctx.health('mail-server', async () => {
          if (!healthy) throw new Error('mail server refused the connection');
        }),
    });
    const test = await startTestAddon({ plugins: [{ plugin: flaky }] });
    try {
      const failing = await fetch(`${test.url}/ready`);
      expect(failing.status).toBe(503);
      const body = await failing.json();
      expect(body.failing).toEqual(['mail-server']);
      expect(body.checks['mail-server']).toMatchObject({ status: 'fail', error: 'mail server refused the connection' });
      expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
      healthy = true;
      expect((await fetch(`${test.url}/ready`)).status).toBe(200);
      expect((await fetch(`${test.url}/health`)).status).toBe(200);
    } finally {
      await test.close();
    }
  });
});

describe.skipIf(!postgresUrl)('GET /ready with PostgreSQL going away', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;

  beforeAll(async () => {
    database = await createPostgresDatabase(postgresUrl as string);
    proxy = await startTcpProxy(Number(new URL(postgresUrl as string).port || 5432));
  });
  afterAll(async () => {
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 naming the database while it is unreachable and 200 when it returns', async () => {
    const url = new URL(database.url);
    url.port = String(proxy.port);
    const test = await startTestAddon({ databaseUrl: url.toString() });
    try {
      expect((await fetch(`${test.url}/ready`)).status).toBe(200);
      await proxy.stop();
      const down = await fetch(`${test.url}/ready`);
      expect(down.status).toBe(503);
      expect((await down.json()).failing).toEqual(['database']);
      expect((await fetch(`${test.url}/health`)).status).toBe(200);
      await proxy.resume();
      await expect.poll(async () => (await fetch(`${test.url}/ready`)).status, { timeout: 10_000, interval: 250 }).toBe(200);
    } finally {
      await test.close();
    }
  });
});
