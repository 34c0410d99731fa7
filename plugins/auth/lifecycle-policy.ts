import type { Context } from 'hono';
import type { AddonEnv, ClockifyClaims, PolicyFactory, RawClockifyClaims } from '../../runtime/index.js';
import { HttpError, readJsonBody } from '../../runtime/index.js';
import type { VerifyToken } from './admission.js';
import type { AuthKit } from './auth-kit.js';
import { readLifecycleToken } from './read-token.js';
import { rejectUserToken, toClockifyClaims } from './to-claims.js';

/**
 * Lifecycle calls (INSTALLED, STATUS_CHANGED, SETTINGS_UPDATED, DELETED): a Clockify server token whose
 * workspace and installation are the ones the body speaks of (PLATFORM.md §3.2, §4).
 */
export function createLifecyclePolicy(kit: AuthKit): PolicyFactory {
  return (route) =>
    async function lifecyclePolicy(c, next) {
      c.set('clockify', await kit.admission.admit(c, 'lifecycle', route, (verify) => checkLifecycleCall(c, verify)));
      await next();
    };
}

async function checkLifecycleCall(c: Context<AddonEnv>, verify: VerifyToken): Promise<ClockifyClaims> {
  const raw = await verify(readLifecycleToken(c));
  rejectUserToken(raw, 'lifecycle');
  await requireBodyMatches(c, raw);
  return toClockifyClaims(raw, 'lifecycle');
}

/** A genuine token replayed with another workspace's body must not install, switch or delete that workspace. */
async function requireBodyMatches(c: Context<AddonEnv>, claims: Readonly<RawClockifyClaims>): Promise<void> {
  const body = await readJsonBody<unknown>(c);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const name of ['workspaceId', 'addonId'] as const) {
    if (fields[name] !== claims[name]) {
      throw new HttpError(403, 'LIFECYCLE_BODY_MISMATCH', `the body's "${name}" is not the one the lifecycle token was issued for`);
    }
  }
}
