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

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('TEST_REDIS_URL is not set: the Redis readiness case is skipped (CI sets it to redis://127.0.0.1:6379)');

describe('GET /ready with Redis', () => {
  it.skipIf(!redisUrl)('checks Redis when REDIS_URL is set, and fails naming it when Redis is unreachable', async () => {
    const up = await startTestAddon({ config: { redis: { url: redisUrl } } });
    try {
      const body = await (await fetch(`${up.url}/ready`)).json();
      expect(body.checks.redis).toMatchObject({ status: 'ok' });
    } finally {
      await up.close();
    }
    const proxy = await startTcpProxy(Number(new URL(redisUrl as string).port || 6379));
    const down = await startTestAddon({ config: { redis: { url: `redis://127.0.0.1:${proxy.port}` } } });
    try {
      await expect.poll(async () => (await fetch(`${down.url}/ready`)).status, { timeout: 5000 }).toBe(200);
      await proxy.stop();
      await expect.poll(async () => (await (await fetch(`${down.url}/ready`)).json()).failing, { timeout: 5000 }).toEqual(['redis']);
      await proxy.resume();
      await expect.poll(async () => (await fetch(`${down.url}/ready`)).status, { timeout: 10_000, interval: 250 }).toBe(200);
    } finally {
      await down.close();
      await proxy.close();
    }
  });
});
