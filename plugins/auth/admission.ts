import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AddonEnv, ClockifyClaims, RawClockifyClaims, RouteInfo, TokenVerifier } from '../../runtime/index.js';
import { isHttpError } from '../../runtime/index.js';
import type { InboundLimiter } from './rate-limit.js';

/** Verifies a token and counts the request against the token's workspace. */
export type VerifyToken = (token: string) => Promise<Readonly<RawClockifyClaims>>;

/** One policy's checks: resolves with the claims to hand to the route, or throws the HttpError to answer. */
export type AdmissionCheck = (verify: VerifyToken) => Promise<ClockifyClaims>;

export interface Admission {
  admit(c: Context<AddonEnv>, policy: string, route: RouteInfo, check: AdmissionCheck): Promise<ClockifyClaims>;
}

/**
 * What every policy does around its own checks. An IP that keeps failing before its token verifies is refused
 * before any parsing (garbage floods stay cheap); once a token verifies, the request counts against its workspace,
 * before any database lookup. Each rejection is logged at warn, without the token, before it is answered.
 */
export function createAdmission({ verifier, limiter }: { verifier: TokenVerifier; limiter: InboundLimiter }): Admission {
  return {
    async admit(c, policy, route, check) {
      const ip = clientIp(c);
      let verified = false;
      const verify: VerifyToken = async (token) => {
        const claims = await verifier.verify(token);
        verified = true;
        await limiter.takeWorkspace(claims.workspaceId as string);
        return claims;
      };
      try {
        await limiter.checkIp(ip);
        return await check(verify);
      } catch (error) {
        if (!isHttpError(error)) throw error;
        // Failures after verification come from genuine Clockify tokens: the workspace budget already counted them.
        if (!verified && error.status < 500 && error.status !== 429) await limiter.penalizeIp(ip);
        c.get('log').warn({ policy, route: `${route.method} ${route.path}`, ip, status: error.status, code: error.code }, 'auth rejected');
        throw error;
      }
    },
  };
}

/**
 * The peer address of the TCP connection. X-Forwarded-For is not read: any client can write it, and which proxy
 * to believe is a deployment decision. Requests served without a socket (`app.request` in tests) share one key.
 */
function clientIp(c: Context<AddonEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
