import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../../runtime/index.js';
import type { AuthOptions } from './options.js';

/** The inbound limits of the guarded routes, one counter per client IP and one per workspace. */
export interface InboundLimiter {
  /** Refuses an IP that has spent its failure budget, before any token is parsed. */
  checkIp(ip: string): Promise<void>;
  /** Counts a failed authentication against the IP. */
  penalizeIp(ip: string): Promise<void>;
  /** Counts an authenticated request against its workspace; refuses it over the limit. */
  takeWorkspace(workspaceId: string): Promise<void>;
}

/**
 * In-memory counters per process (rate-limiter-flexible). Only failures count against an IP: Clockify delivers
 * every workspace's webhooks from a few addresses, so counting its valid calls would throttle all workspaces at once.
 */
export function createInboundLimiter({ perIpPerSecond, perWorkspacePerSecond }: AuthOptions['rateLimit']): InboundLimiter {
  const ipFailures = new RateLimiterMemory({ keyPrefix: 'auth-ip', points: perIpPerSecond, duration: 1 });
  const workspaces = new RateLimiterMemory({ keyPrefix: 'auth-workspace', points: perWorkspacePerSecond, duration: 1 });
  return {
    async checkIp(ip) {
      const spent = await ipFailures.get(ip);
      if (spent && spent.consumedPoints >= perIpPerSecond) throw rateLimited('this client address', spent.msBeforeNext);
    },
    async penalizeIp(ip) {
      await ipFailures.penalty(ip, 1);
    },
    async takeWorkspace(workspaceId) {
      try {
        await workspaces.consume(workspaceId);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw rateLimited('this workspace', error.msBeforeNext);
        throw error;
      }
    },
  };
}

function rateLimited(who: string, msBeforeNext: number): HttpError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpError(429, 'RATE_LIMITED', `too many requests from ${who}; retry in ${seconds} s`, {
    headers: { 'Retry-After': String(seconds) },
  });
}
