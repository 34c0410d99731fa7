import { describe, expect, it } from 'vitest';
import { captureLog } from '../../tests/helpers/capture-log.js';
import { createRetention } from './retention.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('retention', () => {
  it('purges what is older than its days, and says how much went', async () => {
    const logs = captureLog();
    const cutoffs: Date[] = [];
    const retention = createRetention({
      purgeBefore: async (cutoff) => {
        cutoffs.push(cutoff);
        return 3;
      },
      days: 7,
      intervalMs: 60_000,
      log: logs.log,
      what: 'test rows',
    });
    const before = Date.now();
    expect(await retention.purge()).toBe(3);
    expect(cutoffs[0]?.getTime()).toBeGreaterThanOrEqual(before - 7 * DAY_MS);
    expect(cutoffs[0]?.getTime()).toBeLessThanOrEqual(Date.now() - 7 * DAY_MS);
    expect(logs.records().some((line) => line.msg === 'purged old test rows' && line.deleted === 3)).toBe(true);
  });

  it('runs on its interval, logs a failed purge and keeps going', async () => {
    const logs = captureLog();
    let calls = 0;
    const retention = createRetention({
      purgeBefore: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
        return 0;
      },
      days: 1,
      intervalMs: 10,
      log: logs.log,
      what: 'test rows',
    });
    retention.start();
    await new Promise((resolve) => setTimeout(resolve, 80));
    retention.stop();
    const seen = calls;
    expect(seen).toBeGreaterThanOrEqual(2);
    expect(logs.records().some((line) => line.msg === 'purging old test rows failed')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toBe(seen);
  });
});
