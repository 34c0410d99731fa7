import type { ClockifyClaims, RawClockifyClaims } from '../../runtime/index.js';
import { tokenError } from '../../runtime/index.js';

// Only user tokens carry the viewer's context (PLATFORM.md §3.3).
const USER_CONTEXT_CLAIMS = ['workspaceRole', 'language', 'theme'] as const;
const OPTIONAL_TEXT_CLAIMS = [
  'user',
  'backendUrl',
  'reportsUrl',
  'ptoUrl',
  'locationsUrl',
  'screenshotsUrl',
  'language',
  'theme',
  'workspaceRole',
] as const;

export function isUserToken(claims: RawClockifyClaims): boolean {
  return USER_CONTEXT_CLAIMS.some((name) => claims[name] !== undefined);
}

/**
 * Lifecycle and webhook routes take Clockify's server-to-server tokens only. A user token (which a browser holds)
 * accepted there would let any viewer forge installation or webhook calls, a bug seen in other add-on frameworks.
 */
export function rejectUserToken(claims: RawClockifyClaims, route: string): void {
  if (isUserToken(claims)) throw tokenError('TOKEN_KIND_MISMATCH', `a user token is not accepted on the ${route} route`);
}

/** The typed claims handlers see; only string-valued optional claims are copied. */
export function toClockifyClaims(raw: Readonly<RawClockifyClaims>, kind: ClockifyClaims['kind']): ClockifyClaims {
  const claims: ClockifyClaims = {
    kind,
    workspaceId: raw.workspaceId as string,
    addonId: raw.addonId as string,
    addonKey: raw.sub as string,
  };
  for (const name of OPTIONAL_TEXT_CLAIMS) {
    const value = raw[name];
    if (typeof value === 'string') claims[name] = value;
  }
  if (typeof raw.exp === 'number') claims.expiresAt = raw.exp;
  return Object.freeze(claims);
}
