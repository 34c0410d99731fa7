import { setTimeout as delay } from 'node:timers/promises';
import { ClockifyApiError } from './client-errors.js';
import { bucketShape, type RateRules } from './rate-rules.js';
import type { TokenBuckets } from './token-buckets.js';

export interface AcquireOptions {
  /** Gives up waiting. */
  signal?: AbortSignal;
  /** Refuses a caller that would wait longer than this; the governor's own default when absent. */
  maxWaitMs?: number;
}

export interface GovernorStats {
  readonly backend: 'memory' | 'redis';
  /** Tokens handed out. */
  readonly acquired: number;
  /** Callers queued for a token right now. */
  readonly waiting: number;
  /** Callers refused because they would have waited longer than allowed. */
  readonly refused: number;
  /** 429s that held a workspace back. */
  readonly pauses: number;
  readonly waitedMsTotal: number;
  readonly waitedMsMax: number;
  /** Redis only: tokens decided by the in-memory fallback while Redis was unreachable. */
  readonly fallbacks: number;
}

/**
 * Keeps each workspace's Clockify calls under its rate limit (PLATFORM.md §6.4), in this process or, with Redis,
 * across every instance. The client acquires a token before every attempt, retries included.
 */
export interface RateGovernor {
  /** Waits for a token of the workspace's bucket; resolves with the milliseconds waited. */
  acquire(workspaceId: string, options?: AcquireOptions): Promise<number>;
  /** Holds the workspace back for `ms`: a 429 says the workspace is over its limit, whichever caller received it. */
  pause(workspaceId: string, ms: number): Promise<void>;
  /** Applies a named plan from the configuration to a workspace (`undefined`: back to the default limit). */
  setPlan(workspaceId: string, plan: string | undefined): void;
  stats(): GovernorStats;
}

export interface QueuedGovernorOptions {
  backend: GovernorStats['backend'];
  buckets: TokenBuckets;
  rules: RateRules;
  maxWaitMs: number;
  /** A monotonic clock in milliseconds, for deadlines and wait statistics. */
  clock: () => number;
}

interface Waiter {
  readonly enqueuedAt: number;
  readonly deadline: number;
  resolve(waitedMs: number): void;
  reject(error: unknown): void;
  detach(): void;
}

/**
 * A FIFO queue per workspace in front of its bucket. Only the head of a queue asks the bucket, once when it arrives
 * and again when the bucket says the next token is due, so nobody polls and callers of this process go in order.
 */
export function createQueuedGovernor({ backend, buckets, rules, maxWaitMs: defaultMaxWaitMs, clock }: QueuedGovernorOptions): RateGovernor {
  const queues = new Map<string, Waiter[]>();
  const counts = { acquired: 0, refused: 0, pauses: 0, waitedMsTotal: 0, waitedMsMax: 0 };

  function refusal(workspaceId: string, waitMs: number): ClockifyApiError {
    counts.refused += 1;
    return new ClockifyApiError('CLOCKIFY_RATE_LIMIT_WAIT', `workspace ${workspaceId}'s next token is about ${Math.ceil(waitMs)} ms away`);
  }

  function admit(waiter: Waiter, now: number): void {
    const waited = Math.max(0, now - waiter.enqueuedAt);
    counts.acquired += 1;
    counts.waitedMsTotal += waited;
    counts.waitedMsMax = Math.max(counts.waitedMsMax, waited);
    waiter.resolve(waited);
  }

  async function dispatch(workspaceId: string, queue: Waiter[]): Promise<void> {
    try {
      while (queue.length > 0) {
        const waitMs = await buckets.take(workspaceId, rules.ruleFor(workspaceId));
        const now = clock();
        const head = waitMs <= 0 ? queue.shift() : undefined;
        if (head) {
          head.detach();
          admit(head, now);
          continue;
        }
        for (let first = queue[0]; first && now + waitMs > first.deadline; first = queue[0]) {
          queue.shift();
          first.detach();
          first.reject(refusal(workspaceId, waitMs));
        }
        if (queue.length > 0) await delay(Math.ceil(waitMs));
      }
    } catch (error) {
      for (const waiter of queue.splice(0)) waiter.reject(error);
    } finally {
      queues.delete(workspaceId);
    }
  }

  return {
    acquire(workspaceId, { signal, maxWaitMs = defaultMaxWaitMs } = {}) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const now = clock();
      const existing = queues.get(workspaceId);
      // Those ahead go one spacing apart at best: a caller certain to wait too long is refused now, not later.
      const aheadMs = (existing?.length ?? 0) * bucketShape(rules.ruleFor(workspaceId)).spacingMs;
      if (aheadMs > maxWaitMs) return Promise.reject(refusal(workspaceId, aheadMs));
      const queue = existing ?? [];
      return new Promise<number>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          enqueuedAt: now,
          deadline: now + maxWaitMs,
          resolve,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        if (!existing) {
          queues.set(workspaceId, queue);
          void dispatch(workspaceId, queue);
        }
      });
    },
    async pause(workspaceId, ms) {
      counts.pauses += 1;
      await buckets.pause(workspaceId, rules.ruleFor(workspaceId), ms);
    },
    setPlan: (workspaceId, plan) => rules.setPlan(workspaceId, plan),
    stats(): GovernorStats {
      let waiting = 0;
      for (const queue of queues.values()) waiting += queue.length;
      return { backend, ...counts, waiting, fallbacks: buckets.fallbacks };
    },
  };
}
