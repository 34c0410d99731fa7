/** One request the simulated API answered, for assertions and benchmarks. */
export interface ApiRequestRecord {
  /** Arrival order, from 1. */
  readonly seq: number;
  readonly method: string;
  /** The path as requested, e.g. `/api/v1/workspaces/…/projects`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** The workspace the token was for, once it was verified. */
  readonly workspaceId?: string;
  readonly operationId?: string;
  /** Milliseconds since the epoch, on arrival. */
  readonly timestamp: number;
  readonly durationMs: number;
  /** Why the answer was not the operation's own: the rate limit, an injected 429 burst or an injected 5xx. */
  readonly fault?: 'rate-limit' | 'burst-429' | 'injected-error';
}
