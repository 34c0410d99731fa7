import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../../runtime/index.js';
import type { ExplorerOptions } from './options.js';

/** Counts executions per user and workspace; refuses one over the limit with 429 and Retry-After. */
export type TakeExecution = (workspaceId: string, userId: string) => Promise<void>;

/**
 * A user's executions spend the workspace's Clockify budget (50 requests per second for every plugin together), so
 * each user gets a share. With Redis every instance counts in one place; while Redis is away each instance falls
 * back to its own memory (rate-limiter-flexible's insurance limiter) rather than refusing every call.
 */
export function createExecuteLimiter({ requests, intervalMs }: ExplorerOptions['rateLimit'], redis?: Redis): TakeExecution {
  const shape = { points: requests, duration: intervalMs / 1000 };
  const memory = new RateLimiterMemory({ ...shape, keyPrefix: 'explorer-execute' });
  const limiter = redis
    ? new RateLimiterRedis({ ...shape, storeClient: redis, keyPrefix: 'addon:explorer-execute', insuranceLimiter: memory })
    : memory;
  return async function takeExecution(workspaceId, userId) {
    try {
      await limiter.consume(`${workspaceId}:${userId}`);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new HttpError(429, 'RATE_LIMITED', `you ran ${requests} calls in ${intervalMs / 1000} s; retry in ${seconds} s`, {
        headers: { 'Retry-After': String(seconds) },
      });
    }
  };
}
