/**
 * The claims of a Clockify user token, read in the browser to show who and where the page is for and when the token
 * expires. Reading is not trusting: the server verifies every token it receives; nothing here grants anything.
 */
export interface UserClaims {
  workspaceId: string;
  /** The viewing user's id (`user` claim). */
  userId: string;
  workspaceRole?: string;
  /** `DEFAULT` or `DARK`. */
  theme?: string;
  /** e.g. `EN`. */
  language?: string;
  /** Seconds since the epoch; absent for tokens that never expire. */
  exp?: number;
}

/** The token's claims, or undefined when it is not a readable JWT with a workspace. */
export function readClaims(token: string | undefined | null): UserClaims | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(decodeBase64Url(payload));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || typeof body.workspaceId !== 'string') return undefined;
  return {
    workspaceId: body.workspaceId,
    userId: typeof body.user === 'string' ? body.user : '',
    workspaceRole: optionalString(body.workspaceRole),
    theme: optionalString(body.theme),
    language: optionalString(body.language),
    exp: typeof body.exp === 'number' ? body.exp : undefined,
  };
}

/** Milliseconds until the token expires (negative once it has), or Infinity for a token without `exp`. */
export function msUntilExpiry(claims: UserClaims, now = Date.now()): number {
  return claims.exp === undefined ? Number.POSITIVE_INFINITY : claims.exp * 1000 - now;
}

const ADMIN_ROLES = new Set(['OWNER', 'ADMIN', 'WORKSPACE_ADMIN']);

export function isWorkspaceAdmin(claims: UserClaims | undefined): boolean {
  return ADMIN_ROLES.has(claims?.workspaceRole ?? '');
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function decodeBase64Url(text: string): string {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
