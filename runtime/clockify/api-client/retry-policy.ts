/** How hard a call tries: bounded in attempts and in time, with exponential backoff and full jitter between attempts. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4). 1 turns retries off. */
  maxAttempts?: number;
  /** The backoff before the second attempt is drawn from [0, baseDelayMs]; it doubles each time (default 200). */
  baseDelayMs?: number;
  /** Cap on one backoff, and on a `Retry-After` the client is willing to honour (default 10000). */
  maxDelayMs?: number;
  /** No retry starts after this long since the call began, not counting rate-governor waits (default 30000). */
  maxTotalMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRIES: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 10_000, maxTotalMs: 30_000 };

/** What went wrong with one attempt, as far as the retry decision needs to know. */
export type AttemptOutcome =
  | { kind: 'response'; status: number }
  /** `connect`: the request never left (refused, DNS); `timeout` and `network`: it may have reached Clockify. */
  | { kind: 'error'; failure: 'connect' | 'timeout' | 'network' };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Statuses that say the request was not processed: safe to repeat whatever the method. */
const NOT_PROCESSED = new Set([429, 503]);
/** Statuses that may follow a processed request: repeated only when repeating cannot duplicate an effect. */
const MAYBE_PROCESSED = new Set([500, 502, 504]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Whether an attempt is worth repeating. 429 and 503 (Clockify did not process it) and connection failures (nothing
 * was sent) are retried for every method. 500, 502, 504, timeouts and broken connections are retried only for
 * idempotent calls: a POST that timed out may have created the entity, and a second one would create it twice.
 * A POST that only reads (the reports API) can say so with `idempotent: true`. Other 4xx are the caller's to fix.
 */
export function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'error') return outcome.failure === 'connect' || idempotent;
  if (NOT_PROCESSED.has(outcome.status)) return true;
  return idempotent && MAYBE_PROCESSED.has(outcome.status);
}

/** Full jitter (uniform in [0, min(max, base * 2^(retry-1))]): spreads clients that failed together. */
export function backoffDelayMs(retry: number, { baseDelayMs, maxDelayMs }: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or
 * unreadable. Clockify documents no such header (PLATFORM.md §6.4), but a proxy in front of it may send one.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
