import { performance } from 'node:perf_hooks';
import { createMemoryBuckets } from './memory-buckets.js';
import { createQueuedGovernor, type RateGovernor } from './rate-governor.js';
import { createRateRules, type RateLimitOptions } from './rate-rules.js';

export interface MemoryGovernorOptions extends RateLimitOptions {
  /** Longest wait for a token before a call is refused (default: unbounded; the client passes its own). */
  maxWaitMs?: number;
  /** A monotonic clock in milliseconds. */
  clock?: () => number;
}

/** The governor of a single instance: one token bucket per workspace, in memory. */
export function createMemoryGovernor({
  maxWaitMs = Number.POSITIVE_INFINITY,
  clock = () => performance.now(),
  ...limits
}: MemoryGovernorOptions = {}): RateGovernor {
  return createQueuedGovernor({ backend: 'memory', buckets: createMemoryBuckets(clock), rules: createRateRules(limits), maxWaitMs, clock });
}
