import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

const options = { initialBackoffMs: 1000, maxBackoffMs: 10_000 };

describe('retryDelayMs', () => {
  it('doubles with each attempt up to the cap, between half and all of the step', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(attempt, options, () => 0))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(attempt, options, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('spreads the retries of events that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, options)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2000);
  });
});
