import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PAUSE_SCRIPT, runScript, TAKE_SCRIPT } from './governor-scripts.js';
import { createMemoryBuckets } from './memory-buckets.js';
import { createQueuedGovernor, type RateGovernor } from './rate-governor.js';
import { bucketShape, createRateRules, type RateLimitOptions } from './rate-rules.js';
import type { TokenBuckets } from './token-buckets.js';

export interface RedisGovernorOptions extends RateLimitOptions {
  redis: Redis;
  /** Prefix of the bucket keys (default `addon:clockify-governor:`); one key per busy workspace, expiring when idle. */
  keyPrefix?: string;
  /** Longest wait for a token before a call is refused (default: unbounded; the client passes its own). */
  maxWaitMs?: number;
  log?: Logger;
}

/**
 * The governor every instance shares: each workspace's bucket is one Redis key, taken atomically in Lua against
 * Redis's clock, so instances together stay within the limit. Each instance queues its own callers and only the head
 * of a queue asks Redis, when the last answer said the next token is due; instances compete for each token, which
 * keeps the sharing fair without a coordinator.
 */
export function createRedisGovernor({
  redis,
  keyPrefix = 'addon:clockify-governor:',
  maxWaitMs = Number.POSITIVE_INFINITY,
  log,
  ...limits
}: RedisGovernorOptions): RateGovernor {
  const clock = () => performance.now();
  const buckets = createRedisBuckets({ redis, keyPrefix, log, fallback: createMemoryBuckets(clock) });
  return createQueuedGovernor({ backend: 'redis', buckets, rules: createRateRules(limits), maxWaitMs, clock });
}

/**
 * Buckets in Redis. When Redis cannot be reached, this instance falls back to its own in-memory bucket (logged once
 * per outage): calls keep flowing, and a 429 caused by the looser limit is retried.
 */
function createRedisBuckets({
  redis,
  keyPrefix,
  log,
  fallback,
}: {
  redis: Redis;
  keyPrefix: string;
  log?: Logger;
  fallback: TokenBuckets;
}): TokenBuckets {
  let fallbacks = 0;
  let outage = false;
  const degraded = (error: unknown) => {
    if (!outage) log?.warn({ reason: (error as Error).message }, 'rate governor: Redis unreachable, limiting per instance');
    outage = true;
  };
  const recovered = () => {
    if (outage) log?.info('rate governor: Redis reachable again, limiting across instances');
    outage = false;
  };
  return {
    async take(workspaceId, rule) {
      const { spacingMs, toleranceMs } = bucketShape(rule);
      try {
        const waitMs = Number(await runScript(redis, TAKE_SCRIPT, keyPrefix + workspaceId, [spacingMs, toleranceMs]));
        recovered();
        return waitMs;
      } catch (error) {
        degraded(error);
        fallbacks += 1;
        return fallback.take(workspaceId, rule);
      }
    },
    async pause(workspaceId, rule, ms) {
      // Mirrored locally, so a pause still holds if Redis goes away right after it.
      await fallback.pause(workspaceId, rule, ms);
      const args = [Math.max(0, ms), bucketShape(rule).toleranceMs];
      await runScript(redis, PAUSE_SCRIPT, keyPrefix + workspaceId, args).then(recovered, degraded);
    },
    get fallbacks() {
      return fallbacks;
    },
  };
}
