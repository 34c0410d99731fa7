import { importSPKI, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { RawClockifyClaims } from '../clockify/claims.js';

export type ApiTokenCheck = { ok: true; claims: RawClockifyClaims } | { ok: false; status: 401; message: string };

export interface ApiTokenVerifierOptions {
  publicKeyPem: string;
  /** The installed manifest's key, when an add-on is installed: tokens for another add-on are refused. */
  addonKey: () => string | undefined;
  /** Installations that were uninstalled: their tokens stopped working (PLATFORM.md §4, DELETED). */
  isRetired: (addonId: string) => boolean;
}

/**
 * `X-Addon-Token` as Clockify checks it: signed by the simulator's key (so only tokens it minted), an add-on token
 * with a `user` (installation and user tokens call the API; webhook and lifecycle tokens do not), not expired, and
 * not from an uninstalled installation.
 */
export async function createApiTokenVerifier({ publicKeyPem, addonKey, isRetired }: ApiTokenVerifierOptions) {
  const key = await importSPKI(publicKeyPem, 'RS256');
  // Signatures are checked once per token: a benchmark sends thousands of requests with the same few tokens.
  const verified = new LRUCache<string, RawClockifyClaims>({ max: 1000 });
  return async function verifyApiToken(token: string | undefined): Promise<ApiTokenCheck> {
    if (!token) return refuse('X-Addon-Token is missing');
    let claims = verified.get(token);
    if (claims && typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return refuse('the token has expired');
    if (!claims) {
      try {
        claims = (await jwtVerify<RawClockifyClaims>(token, key, { algorithms: ['RS256'], issuer: 'clockify' })).payload;
      } catch (error) {
        return refuse(`the token is not valid: ${(error as Error).message}`);
      }
      verified.set(token, claims);
    }
    const expectedKey = addonKey();
    if (claims.type !== 'addon' || (expectedKey !== undefined && claims.sub !== expectedKey)) return refuse('not a token of this add-on');
    if (typeof claims.workspaceId !== 'string' || typeof claims.user !== 'string') return refuse('this kind of token cannot call the API');
    if (typeof claims.addonId === 'string' && isRetired(claims.addonId)) return refuse('the add-on was uninstalled');
    return { ok: true, claims };
  };
}

function refuse(message: string): ApiTokenCheck {
  return { ok: false, status: 401, message };
}
