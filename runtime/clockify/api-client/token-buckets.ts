import type { RateRule } from './rate-rules.js';

/**
 * Where a governor's token buckets live: this process's memory, or Redis. `take` answers 0 when the caller took a
 * token, else how many milliseconds until the next one.
 */
export interface TokenBuckets {
  take(workspaceId: string, rule: RateRule): Promise<number>;
  pause(workspaceId: string, rule: RateRule, ms: number): Promise<void>;
  /** Takes answered by a fallback while the shared store was unreachable. */
  readonly fallbacks: number;
}
