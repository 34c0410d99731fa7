import type { Context } from 'hono';
import type { AddonEnv, ClockifyClaims, PolicyFactory } from '../../runtime/index.js';
import { tokenError } from '../../runtime/index.js';
import type { VerifyToken } from './admission.js';
import type { AuthKit } from './auth-kit.js';
import { readUserToken } from './read-token.js';
import { requireInstallation } from './require-installation.js';
import { toClockifyClaims } from './to-claims.js';

/** Pages and APIs a Clockify user opens through the add-on's iframe: a user token of an active installation. */
export function createUserPolicy(kit: AuthKit): PolicyFactory {
  return (route) =>
    async function userPolicy(c, next) {
      c.set('clockify', await kit.admission.admit(c, 'user', route, (verify) => checkUserToken(c, kit, verify)));
      await next();
    };
}

/**
 * User tokens expire after 30 minutes and name the viewer (PLATFORM.md §3.1). Installation and webhook tokens never
 * expire, so a token without `exp` is refused here: one leaked webhook signature must not open the UI forever.
 */
export async function checkUserToken(c: Context<AddonEnv>, kit: AuthKit, verify: VerifyToken): Promise<ClockifyClaims> {
  const raw = await verify(readUserToken(c));
  if (raw.exp === undefined) throw tokenError('TOKEN_KIND_MISMATCH', 'a token without "exp" is not a user token');
  if (typeof raw.user !== 'string' || raw.user === '') throw tokenError('TOKEN_CLAIM_INVALID', '"user" must name the viewing user');
  await requireInstallation(kit.installations, raw);
  return toClockifyClaims(raw, 'user');
}
