import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWithinRate } from '../../../tests/helpers/expect-within-rate.js';
import { recordingRequest, startTimedApi, type TimedApi } from '../../../tests/helpers/timed-api-worker.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createMemoryGovernor } from './memory-governor.js';

let api: TimedApi;
beforeAll(async () => {
  api = await startTimedApi();
});
afterAll(() => api.close());

describe('createMemoryGovernor', () => {
  it('keeps a burst of 200 concurrent calls within 50 per second plus the burst', async () => {
    const governor = createMemoryGovernor({ perSecond: 50, burst: 5 });
    const recorder = recordingRequest();
    const client = createClockifyClient({
      apiUrl: api.apiUrl,
      token: 'secret',
      workspaceId: 'ws-burst',
      allowlist: createHostAllowlist({ devHosts: ['127.0.0.1:*'] }),
      governor,
      request: recorder.request,
    });
    // Warm the connection pool and both event loops, so start-up work does not bunch the first requests.
    await client.get('/v1/user');
    // A decision is made on time but reaches its caller only when the event loop gets to it: on a loaded machine
    // (the whole suite in parallel) a late turn can bring sends closer together, as a slow Redis answer does.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const calls = Array.from({ length: 200 }, (_, index) => client.get('/v1/workspaces/{workspaceId}/tags', { query: { call: index } }));
    const results = await Promise.all(calls);
    expect(results.every((result) => result.status === 200)).toBe(true);
    const arrivals = (await api.arrivals()).filter((arrival) => arrival.workspaceId === 'ws-burst');
    const sends = recorder.sends.filter((send) => send.call !== null);
    expect(arrivals).toHaveLength(200);
    loop.disable();
    expectWithinRate({ sends, arrivals, perSecond: 50, burst: 5, decisionLatencyMs: loop.max / 1e6 });
    // 195 calls beyond the burst at 50 per second cannot all leave in under 3.9 s: a lower bound, not a speed check.
    expect((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(3850);
    expect(governor.stats()).toMatchObject({ backend: 'memory', acquired: 201, waiting: 0, refused: 0 });
  });

  it('limits each workspace on its own and a planned workspace by its plan', async () => {
    let now = 0;
    const governor = createMemoryGovernor({
      plans: { 'free-new': { requests: 30, intervalMs: 3_600_000 } },
      workspaces: { 'ws-free': 'free-new' },
      maxWaitMs: 1000,
      clock: () => now,
    });
    expect(await governor.acquire('ws-free')).toBe(0);
    await expect(governor.acquire('ws-free')).rejects.toMatchObject({ code: 'CLOCKIFY_RATE_LIMIT_WAIT' });
    expect(await governor.acquire('ws-paid')).toBe(0);
    now = 120_000;
    expect(await governor.acquire('ws-free')).toBe(0);
    expect(governor.stats()).toMatchObject({ acquired: 3, refused: 1 });
  });

  it('lets a waiting caller give up', async () => {
    const governor = createMemoryGovernor({ perSecond: 1, burst: 1 });
    await governor.acquire('ws-1');
    const controller = new AbortController();
    const waiting = governor.acquire('ws-1', { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(governor.stats().waiting).toBe(0);
  });
});
