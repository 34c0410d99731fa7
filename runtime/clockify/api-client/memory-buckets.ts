import { pausedUntil, takeToken } from './rate-rules.js';
import type { TokenBuckets } from './token-buckets.js';

// Buckets whose full-again time has passed are the same as no bucket; dropping them keeps memory bounded.
const PRUNE_EVERY = 1024;

/** Token buckets in this process's memory, one per workspace, on a monotonic clock. */
export function createMemoryBuckets(clock: () => number): TokenBuckets {
  const buckets = new Map<string, number>();
  let sincePrune = 0;

  function prune(now: number): void {
    if (++sincePrune < PRUNE_EVERY) return;
    sincePrune = 0;
    for (const [workspaceId, theoretical] of buckets) if (theoretical <= now) buckets.delete(workspaceId);
  }

  return {
    async take(workspaceId, rule) {
      const now = clock();
      const taken = takeToken(buckets.get(workspaceId), now, rule);
      if (!taken.taken) return taken.waitMs;
      buckets.set(workspaceId, taken.next);
      prune(now);
      return 0;
    },
    async pause(workspaceId, rule, ms) {
      buckets.set(workspaceId, pausedUntil(buckets.get(workspaceId), clock(), rule, ms));
    },
    fallbacks: 0,
  };
}
