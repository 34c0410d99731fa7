/** The claims that pass through to handlers under their own names: who, where the APIs are, and the user's context. */
export interface ClockifyContextClaims {
  /** User token: the viewing user; installation token: the workspace owner. */
  user?: string;
  backendUrl?: string;
  reportsUrl?: string;
  ptoUrl?: string;
  locationsUrl?: string;
  screenshotsUrl?: string;
  language?: string;
  theme?: string;
  workspaceRole?: string;
}

/**
 * Claims of a verified Clockify add-on token, as handlers see them (`c.get('clockify')`).
 * Installation, lifecycle and webhook tokens carry the common part; user tokens add user context and `exp`.
 */
export interface ClockifyClaims extends ClockifyContextClaims {
  /** Which policy admitted the token. */
  kind: 'lifecycle' | 'webhook' | 'user';
  workspaceId: string;
  /** Id of this installation on the workspace (not a global add-on id). */
  addonId: string;
  /** The manifest key (`sub`). */
  addonKey: string;
  /** Seconds since the epoch, when the token expires. */
  expiresAt?: number;
}

/** Raw claim names Clockify uses (PLATFORM.md §3.3). */
export interface RawClockifyClaims extends ClockifyContextClaims {
  iss?: string;
  type?: string;
  sub?: string;
  workspaceId?: string;
  addonId?: string;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}
