import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog } from '../../../tests/helpers/capture-log.js';
import { expectWithinRate } from '../../../tests/helpers/expect-within-rate.js';
import { recordingRequest, startTimedApi, type TimedApi } from '../../../tests/helpers/timed-api-worker.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createRedisGovernor, type RedisGovernorOptions } from './redis-governor.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('TEST_REDIS_URL is not set: the Redis rate-governor cases are skipped (CI sets it to redis://127.0.0.1:6379)');

describe.skipIf(!redisUrl)('createRedisGovernor', () => {
  const connections: Redis[] = [];
  // A prefix per run, so runs sharing a Redis never share buckets.
  const keyPrefix = `test:clockify-governor:${randomBytes(4).toString('hex')}:`;
  let api: TimedApi;

  beforeAll(async () => {
    api = await startTimedApi();
  });
  afterAll(async () => {
    await api.close();
    for (const redis of connections) redis.disconnect();
  });

  /** One instance's connection, configured as the kernel's (no offline queue: an outage fails fast). */
  function connect(url = redisUrl as string): Redis {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => undefined);
    connections.push(redis);
    return redis;
  }

  async function instance(options: Omit<RedisGovernorOptions, 'redis' | 'keyPrefix'> = {}) {
    const redis = connect();
    await redis.connect();
    return createRedisGovernor({ redis: timed(redis), keyPrefix, ...options });
  }

  // Round trips of the governor's scripts: a token decided in Redis reaches its caller up to one round trip later.
  const roundTripsMs: number[] = [];
  function timed(redis: Redis): Redis {
    const evalsha = redis.evalsha.bind(redis) as (...args: unknown[]) => Promise<unknown>;
    const measured = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await evalsha(...args);
      } finally {
        roundTripsMs.push(performance.now() - started);
      }
    };
    redis.evalsha = measured as typeof redis.evalsha;
    return redis;
  }

  it('keeps two instances sharing Redis within 50 per second plus the burst together', async () => {
    const recorder = recordingRequest();
    const clients = await Promise.all(
      [1, 2].map(async () =>
        createClockifyClient({
          apiUrl: api.apiUrl,
          token: 'secret',
          workspaceId: 'ws-shared',
          allowlist: createHostAllowlist({ devHosts: ['127.0.0.1:*'] }),
          governor: await instance({ perSecond: 50, burst: 5 }),
          request: recorder.request,
        }),
      ),
    );
    await Promise.all(clients.map((client) => client.get('/v1/user')));
    roundTripsMs.length = 0;
    // A decision reaches its caller one Redis round trip later, plus however long this busy loop takes to run it.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const calls = clients.flatMap((client, instanceIndex) =>
      Array.from({ length: 100 }, (_, index) =>
        client.get('/v1/workspaces/{workspaceId}/tags', { query: { call: `${instanceIndex}-${index}` } }),
      ),
    );
    expect((await Promise.all(calls)).every((result) => result.status === 200)).toBe(true);
    const arrivals = (await api.arrivals()).filter((arrival) => arrival.workspaceId === 'ws-shared');
    const sends = recorder.sends.filter((send) => send.call !== null);
    expect(arrivals).toHaveLength(200);
    loop.disable();
    const decisionLatencyMs = Math.max(...roundTripsMs) + loop.max / 1e6;
    expectWithinRate({ sends, arrivals, perSecond: 50, burst: 5, decisionLatencyMs });
    // Each instance alone would allow 50 per second: together they took at least as long as one shared limit demands.
    expect((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(3850);
  });

  it('holds every instance back when one of them pauses the workspace after a 429', async () => {
    const [first, second] = [await instance({ perSecond: 1000, burst: 1 }), await instance({ perSecond: 1000, burst: 1 })];
    await first.pause('ws-paused', 1000);
    const waited = await second.acquire('ws-paused');
    // A lower bound: the other instance's token came no sooner than the pause allowed (Redis time vs. ours: a few ms).
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(first.stats().pauses).toBe(1);
  });

  it('refuses a call that would wait longer than allowed, whichever instance took the tokens', async () => {
    const planned = { plans: { 'free-new': { requests: 30, intervalMs: 3_600_000 } }, workspaces: { 'ws-free': 'free-new' } };
    const [first, second] = [await instance({ maxWaitMs: 5000, ...planned }), await instance({ maxWaitMs: 5000, ...planned })];
    expect(await first.acquire('ws-free')).toBeGreaterThanOrEqual(0);
    await expect(second.acquire('ws-free')).rejects.toMatchObject({ code: 'CLOCKIFY_RATE_LIMIT_WAIT' });
    expect(second.stats()).toMatchObject({ backend: 'redis', refused: 1, fallbacks: 0 });
  });

  it('falls back to a per-instance bucket while Redis is unreachable, and says so once', async () => {
    const logs = captureLog();
    const unreachable = connect('redis://127.0.0.1:1');
    // A burst of 2: both calls are decided at once, each by the fallback (a call that must wait asks again).
    const governor = createRedisGovernor({ redis: unreachable, keyPrefix, log: logs.log, burst: 2 });
    await governor.acquire('ws-outage');
    await governor.acquire('ws-outage');
    expect(governor.stats()).toMatchObject({ acquired: 2, fallbacks: 2 });
    expect(logs.records().filter((record) => String(record.msg).includes('Redis unreachable'))).toHaveLength(1);
  });
});
