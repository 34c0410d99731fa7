import { describe, expect, it } from 'vitest';
import { createFaultInjector } from './faults.js';

describe('createFaultInjector', () => {
  it('fails the same requests with the same statuses for the same seed', () => {
    const run = (seed: number) => {
      const faults = createFaultInjector(seed, { errorRate: 0.3 });
      return Array.from({ length: 200 }, () => faults.outcome()?.status ?? 200);
    };
    const statuses = run(11);
    expect(run(11)).toEqual(statuses);
    expect(run(12)).not.toEqual(statuses);
    const failed = statuses.filter((status) => status !== 200);
    expect(new Set(failed)).toEqual(new Set([500, 502, 503]));
    expect(failed.length).toBeGreaterThan(30);
    expect(failed.length).toBeLessThan(90);
  });

  it('answers a burst of 429s after the given number of requests, then recovers', () => {
    const faults = createFaultInjector(1);
    faults.outcome();
    faults.inject({ burst429: { after: 2, count: 3 } });
    const reasons = Array.from({ length: 7 }, () => faults.outcome()?.reason ?? 'ok');
    expect(reasons).toEqual(['ok', 'ok', 'burst-429', 'burst-429', 'burst-429', 'ok', 'ok']);
  });

  it('holds answers for the latency, varied by the jitter within its bounds', () => {
    const faults = createFaultInjector(1, { latencyMs: 100, jitterMs: 20 });
    const delays = Array.from({ length: 100 }, () => faults.delayMs());
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120);
    expect(new Set(delays).size).toBeGreaterThan(50);
    faults.inject({ latencyMs: 0, jitterMs: 0 });
    expect(faults.delayMs()).toBe(0);
  });
});
