import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWithinRate } from '../../../tests/helpers/expect-within-rate.js';
import { busiestWindow } from '../../../tests/helpers/fake-clockify-api.js';
import { recordingRequest, startTimedApi, type TimedApi } from '../../../tests/helpers/timed-api-worker.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createMemoryBuckets } from './memory-buckets.js';
import { createMemoryGovernor } from './memory-governor.js';
import { createQueuedGovernor } from './rate-governor.js';
import { createRateRules } from './rate-rules.js';
import type { TokenBuckets } from './token-buckets.js';

let api: TimedApi;
beforeAll(async () => {
  api = await startTimedApi();
});
afterAll(() => api.close());

describe('createMemoryGovernor', () => {
  it('keeps a burst of 200 concurrent calls within 50 per second plus the burst', async () => {
    // createMemoryGovernor's parts, with the buckets watched: each token's decision time is recorded as it is taken.
    const clock = () => performance.now();
    const memory = createMemoryBuckets(clock);
    const decisions: number[] = [];
    const buckets: TokenBuckets = {
      ...memory,
      async take(workspaceId, rule) {
        const at = performance.timeOrigin + clock();
        const waitMs = await memory.take(workspaceId, rule);
        if (waitMs <= 0) decisions.push(at);
        return waitMs;
      },
    };
    const rules = createRateRules({ perSecond: 50, burst: 5 });
    const governor = createQueuedGovernor({ backend: 'memory', buckets, rules, maxWaitMs: Number.POSITIVE_INFINITY, clock });
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
    const calls = Array.from({ length: 200 }, (_, index) => client.get('/v1/workspaces/{workspaceId}/tags', { query: { call: index } }));
    const results = await Promise.all(calls);
    expect(results.every((result) => result.status === 200)).toBe(true);
    const arrivals = (await api.arrivals()).filter((arrival) => arrival.workspaceId === 'ws-burst');
    const sends = recorder.sends.filter((send) => send.call !== null);
    expect(arrivals).toHaveLength(200);
    expect(governor.stats()).toMatchObject({ backend: 'memory', acquired: 201, waiting: 0, refused: 0 });
    // The bucket's own promise, exact whatever the machine's load: no one-second window holds more decisions.
    expect(decisions).toHaveLength(201);
    expect(busiestWindow(decisions.map((at) => ({ at })))).toBeLessThanOrEqual(50 + 5 - 1);
    // Callers go in the order their tokens were decided (one queue, no retries), so the k-th send is the k-th decision's.
    // How long decisions took to become sends varied by this much: the most a busy event loop brought sends together.
    const delays = sends.map((send, index) => send.at - (decisions[index + 1] as number));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expectWithinRate({ sends, arrivals, perSecond: 50, burst: 5, decisionLatencyMs: Math.max(...delays) - Math.min(...delays) });
    // 195 calls beyond the burst at 50 per second cannot all leave in under 3.9 s: a lower bound, not a speed check.
    expect((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(3850);
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
