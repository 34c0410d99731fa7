import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface WorkspaceLimiter {
  /** Counts a request against its workspace; false when the workspace is over its limit this second. */
  take(workspaceId: string): Promise<boolean>;
  setLimit(perSecond: number): void;
}

/**
 * Clockify allows an add-on 50 requests per second per workspace (PLATFORM.md §6.4). Modelled as a fixed
 * one-second window per workspace (rate-limiter-flexible's memory limiter: the window opens with the workspace's
 * first request and allows `perSecond` requests until it closes); refused requests count too, as they do for a
 * server that has already received them.
 */
export function createWorkspaceLimiter(perSecond: number): WorkspaceLimiter {
  let limiter = new RateLimiterMemory({ keyPrefix: 'simulator-workspace', points: perSecond, duration: 1 });
  return {
    async take(workspaceId) {
      try {
        await limiter.consume(workspaceId);
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
    setLimit(next) {
      limiter = new RateLimiterMemory({ keyPrefix: 'simulator-workspace', points: next, duration: 1 });
    },
  };
}
