import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { HttpError } from '../errors/index.js';
import type { RawClockifyClaims } from './claims.js';
import type { TrustedKey } from './trusted-keys.js';

/** Stable codes of a token the verifier refuses; every one answers 401. */
export const TOKEN_ERRORS = {
  TOKEN_MISSING: 'no add-on token was sent',
  TOKEN_MALFORMED: 'the add-on token is not a well-formed JWT',
  TOKEN_ALGORITHM_REJECTED: 'the add-on token is not signed with RS256',
  TOKEN_SIGNATURE_INVALID: 'the add-on token is not signed by a trusted key',
  TOKEN_CLAIM_INVALID: 'a claim of the add-on token is wrong or missing',
  TOKEN_EXPIRED: 'the add-on token has expired',
  TOKEN_KIND_MISMATCH: 'this kind of add-on token is not accepted here',
} as const;

export type TokenErrorCode = keyof typeof TOKEN_ERRORS;

/** A 401 with one of the token codes; `detail` is appended to the code's sentence and must never quote the token. */
export function tokenError(code: TokenErrorCode, detail?: string): HttpError {
  return new HttpError(401, code, detail ? `${TOKEN_ERRORS[code]}: ${detail}` : TOKEN_ERRORS[code]);
}

export interface TokenVerifierOptions {
  keys: readonly TrustedKey[];
  /** The manifest key every token's `sub` must equal. */
  addonKey: string;
  /** Leeway for `exp`/`nbf` against clock drift between Clockify and this host. */
  clockSkewSeconds?: number;
  /** How many verified tokens to remember; 0 verifies every time. */
  cacheSize?: number;
  /** Milliseconds since the epoch; tests move the clock with it. */
  now?: () => number;
}

export interface TokenVerifier {
  /** The token's claims once its signature and every claim check pass; else a 401 HttpError with a token code. */
  verify(token: string): Promise<Readonly<RawClockifyClaims>>;
}

// Clockify's tokens are well under 2 KB; anything far larger is refused before any parsing.
const MAX_TOKEN_CHARS = 8192;

/**
 * Verifies Clockify add-on tokens: RS256 only (so `alg: none` and HMAC-with-the-public-key confusion fail),
 * signed by one of the trusted keys, `iss`/`type`/`sub` as PLATFORM.md §3.2 lists, `exp` when present.
 * Verified claims are cached per token string; a cache hit still re-checks `exp`, and failures are never cached.
 */
export function createTokenVerifier({
  keys,
  addonKey,
  clockSkewSeconds = 30,
  cacheSize = 1000,
  now = Date.now,
}: TokenVerifierOptions): TokenVerifier {
  const cache = cacheSize > 0 ? new LRUCache<string, Readonly<RawClockifyClaims>>({ max: cacheSize }) : undefined;
  const isExpired = (claims: RawClockifyClaims) => claims.exp !== undefined && claims.exp <= now() / 1000 - clockSkewSeconds;

  return {
    async verify(token) {
      if (!token) throw tokenError('TOKEN_MISSING');
      const cached = cache?.get(token);
      if (cached) {
        if (isExpired(cached)) {
          cache?.delete(token);
          throw tokenError('TOKEN_EXPIRED');
        }
        return cached;
      }
      checkShape(token);
      const claims = Object.freeze(await verifySignature(token, keys, { clockSkewSeconds, now }));
      checkClaims(claims, addonKey);
      cache?.set(token, claims);
      return claims;
    },
  };
}

/** Cheap checks before any cryptography: size, three parts, a parseable header naming RS256. */
function checkShape(token: string): void {
  if (token.length > MAX_TOKEN_CHARS || token.split('.').length !== 3) throw tokenError('TOKEN_MALFORMED');
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw tokenError('TOKEN_MALFORMED', 'its header does not decode');
  }
  if (alg !== 'RS256') throw tokenError('TOKEN_ALGORITHM_REJECTED');
}

async function verifySignature(
  token: string,
  keys: readonly TrustedKey[],
  { clockSkewSeconds, now }: { clockSkewSeconds: number; now: () => number },
): Promise<RawClockifyClaims> {
  // No `kid` is published (PLATFORM.md §3.4), so each trusted key is tried in turn, the one that verified the
  // previous token first: almost every token comes from the same signer, and a failed RSA check costs a full one.
  for (const trusted of inTryOrder(keys)) {
    try {
      const { payload } = await jwtVerify<RawClockifyClaims>(token, trusted.key, {
        algorithms: ['RS256'],
        clockTolerance: clockSkewSeconds,
        currentDate: new Date(now()),
      });
      lastGood.set(keys, trusted);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      throw fromJoseError(error);
    }
  }
  throw tokenError('TOKEN_SIGNATURE_INVALID');
}

const lastGood = new WeakMap<readonly TrustedKey[], TrustedKey>();

function inTryOrder(keys: readonly TrustedKey[]): TrustedKey[] {
  const first = lastGood.get(keys);
  return first ? [first, ...keys.filter((key) => key !== first)] : [...keys];
}

/** jose checks claims only after the signature verified, so these errors concern an authentic token. */
function fromJoseError(error: unknown): HttpError {
  if (error instanceof errors.JWTExpired) return tokenError('TOKEN_EXPIRED');
  if (error instanceof errors.JWTClaimValidationFailed) return tokenError('TOKEN_CLAIM_INVALID', error.message);
  if (error instanceof errors.JOSEAlgNotAllowed) return tokenError('TOKEN_ALGORITHM_REJECTED');
  if (error instanceof errors.JOSEError) return tokenError('TOKEN_MALFORMED');
  throw error;
}

function checkClaims(claims: RawClockifyClaims, addonKey: string): void {
  if (claims.iss !== 'clockify') throw tokenError('TOKEN_CLAIM_INVALID', '"iss" must be "clockify"');
  if (claims.type !== 'addon') throw tokenError('TOKEN_CLAIM_INVALID', '"type" must be "addon"');
  if (claims.sub !== addonKey) throw tokenError('TOKEN_CLAIM_INVALID', '"sub" must be this add-on\'s manifest key');
  for (const name of ['workspaceId', 'addonId'] as const) {
    const value = claims[name];
    if (typeof value !== 'string' || value === '') throw tokenError('TOKEN_CLAIM_INVALID', `"${name}" must be a non-empty string`);
  }
}
