/** The `auth` section of addon.config.yaml, after validation with defaults filled. */
export interface AuthOptions {
  /** Leeway for `exp`/`nbf` against clock drift between Clockify and this host. */
  clockSkewSeconds: number;
  /** Verified tokens remembered (LRU); 0 verifies every request from scratch. */
  cacheSize: number;
  rateLimit: {
    /** Failed authentications per second one client IP may have; then its requests are refused before verification. */
    perIpPerSecond: number;
    /** Authenticated requests per second one workspace may send, across all guarded routes. */
    perWorkspacePerSecond: number;
  };
}

export const authOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    clockSkewSeconds: { type: 'integer', minimum: 0, maximum: 300, default: 30 },
    cacheSize: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 1000 },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        perIpPerSecond: {
          type: 'integer',
          minimum: 1,
          default: 20,
          description:
            'Failed authentications one client IP may have per second; once spent, its requests are refused before any verification. ' +
            "Only failures count, so Clockify's shared delivery addresses are never throttled for their valid traffic.",
        },
        perWorkspacePerSecond: { type: 'integer', minimum: 1, default: 100 },
      },
    },
  },
} as const;
