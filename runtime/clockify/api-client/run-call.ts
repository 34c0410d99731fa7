import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ClockifyApiError, isClockifyApiError } from './client-errors.js';
import type { ClockifyMetrics } from './client-metrics.js';
import type { RateGovernor } from './rate-governor.js';
import { backoffDelayMs, isRetryable, parseRetryAfterMs, type RetryPolicy } from './retry-policy.js';
import { type AttemptResult, type AttemptSender, type HttpRequest, sendAttempt } from './send-attempt.js';
import type { ClockifyResponse } from './types.js';

/** One call as the loop sees it: everything resolved (URL checked, headers built with the token, body encoded). */
export interface PreparedCall {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  operation: string;
  idempotent: boolean;
  signal?: AbortSignal;
  /** Performs each attempt instead of the built-in exchange (see {@link AttemptSender}). */
  send?: AttemptSender;
}

export interface CallContext {
  workspaceId: string;
  governor: RateGovernor;
  retries: RetryPolicy;
  timeoutMs: number;
  maxWaitMs?: number;
  metrics?: ClockifyMetrics;
  log?: Logger;
  request?: HttpRequest;
  random: () => number;
}

/**
 * Attempts a call until it gets an answer worth returning: a token from the workspace's governor before every attempt,
 * then retries with backoff while the outcome is retryable and the attempt and time budgets last. A 429 pauses the
 * whole workspace for the retry delay (`Retry-After` when given), so concurrent callers back off together.
 */
export async function runCall(call: PreparedCall, context: CallContext): Promise<ClockifyResponse> {
  const { workspaceId, governor, metrics, log } = context;
  const started = performance.now();
  let attempts = 0;
  let budgetMs = 0;
  try {
    for (;;) {
      const waitedMs = await governor.acquire(workspaceId, { signal: call.signal, maxWaitMs: context.maxWaitMs });
      metrics?.governorWait(waitedMs / 1000);
      attempts += 1;
      const attemptStarted = performance.now();
      const outcome = await (call.send ?? sendAttempt)({ ...call, timeoutMs: context.timeoutMs, request: context.request });
      budgetMs += performance.now() - attemptStarted;
      if (outcome.kind === 'response' && outcome.status === 429) metrics?.rateLimited(call.operation);
      const pauseMs = nextDelayMs(outcome, { attempts, budgetMs, idempotent: call.idempotent, context });
      if (pauseMs === undefined) return finish(call, outcome, { started, attempts, context });
      budgetMs += pauseMs;
      const reason = outcome.kind === 'response' ? String(outcome.status) : outcome.failure;
      metrics?.retry(call.operation, reason);
      log?.warn({ operation: call.operation, workspaceId, attempt: attempts, reason, retryInMs: pauseMs }, 'clockify call retried');
      // After a 429 the governor holds the whole workspace back, this call included; otherwise this call alone sleeps.
      if (outcome.kind === 'response' && outcome.status === 429) await governor.pause(workspaceId, pauseMs);
      else await delay(pauseMs, undefined, { signal: call.signal });
    }
  } catch (error) {
    metrics?.call(call.operation, failureStatus(error, call.signal), (performance.now() - started) / 1000);
    throw error;
  }
}

function nextDelayMs(
  outcome: AttemptResult,
  { attempts, budgetMs, idempotent, context }: { attempts: number; budgetMs: number; idempotent: boolean; context: CallContext },
): number | undefined {
  const { retries, random } = context;
  if (attempts >= retries.maxAttempts || !isRetryable(outcome, idempotent)) return undefined;
  const retryAfterMs = outcome.kind === 'response' ? parseRetryAfterMs(outcome.headers['retry-after']) : undefined;
  // A Retry-After longer than we would ever back off means "come back much later": the caller gets the answer now.
  if (retryAfterMs !== undefined && retryAfterMs > retries.maxDelayMs) return undefined;
  const pauseMs = retryAfterMs ?? backoffDelayMs(attempts, retries, random);
  return budgetMs + pauseMs > retries.maxTotalMs ? undefined : pauseMs;
}

function finish(
  call: PreparedCall,
  outcome: AttemptResult,
  { started, attempts, context }: { started: number; attempts: number; context: CallContext },
): ClockifyResponse {
  const durationMs = performance.now() - started;
  const where = `${call.method} ${call.url.host}${call.url.pathname} after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (outcome.kind === 'error') {
    const code = outcome.failure === 'timeout' ? 'CLOCKIFY_TIMEOUT' : 'CLOCKIFY_UNREACHABLE';
    throw new ClockifyApiError(code, where, { cause: outcome.error });
  }
  context.metrics?.call(call.operation, String(outcome.status), durationMs / 1000);
  context.log?.debug(
    { operation: call.operation, workspaceId: context.workspaceId, status: outcome.status, attempts, durationMs },
    'clockify call',
  );
  const { status, headers, body } = outcome;
  return { status, ok: status >= 200 && status < 300, headers, body, durationMs, attempts };
}

/** The `status` label of a call that ended without an answer. */
function failureStatus(error: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'aborted';
  if (!isClockifyApiError(error)) return 'error';
  const labels: Partial<Record<ClockifyApiError['code'], string>> = {
    CLOCKIFY_TIMEOUT: 'timeout',
    CLOCKIFY_UNREACHABLE: 'unreachable',
    CLOCKIFY_REDIRECT_REFUSED: 'redirect',
    CLOCKIFY_RATE_LIMIT_WAIT: 'rate_limit_wait',
  };
  return labels[error.code] ?? 'error';
}
