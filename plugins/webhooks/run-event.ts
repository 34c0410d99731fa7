import type { ClockifyClients, Installations, Logger, RegisteredHandler, WebhookEventName, WebhookHandler } from '../../runtime/index.js';
import { lazyObject } from '../../runtime/index.js';
import { type BackoffOptions, retryDelayMs } from './backoff.js';
import type { ClaimedEvent, DispatchQueue, RunOutcome } from './dispatch-queue.js';
import type { WebhookMetrics } from './metrics.js';
import type { DispatchOptions } from './options.js';
import { type HandlerResults, runHandlers } from './run-handlers.js';

export interface RunEventDependencies {
  queue: DispatchQueue;
  handlers: (event: WebhookEventName) => readonly RegisteredHandler<WebhookHandler>[];
  installations: Installations;
  /** The API client handlers get: host allowlist, the workspace's rate governor, retries. */
  clients: ClockifyClients;
  options: DispatchOptions;
  metrics: WebhookMetrics;
  log: Logger;
}

/** Runs one claimed event to an outcome and records it; never throws (the dispatcher must keep going). */
export type RunEvent = (claimed: ClaimedEvent) => Promise<void>;

/**
 * One run of one event: its installation must still be ACTIVE (else the lease is given back and the event waits,
 * no attempt counted), its unfinished handlers run, then the event is `handled`, `failed` with a retry time, or
 * `dead` once `maxAttempts` runs have failed. The lease is renewed while handlers run, so a slow handler is not
 * taken over by another instance.
 */
export function createRunEvent({ queue, handlers, installations, clients, options, metrics, log }: RunEventDependencies): RunEvent {
  return async function runEvent(claimed) {
    const event = claimed.event as WebhookEventName;
    // Made up front: a pino child costs about 0.3 µs, less than the proxy that would put off making it.
    const eventLog = log.child({ eventId: claimed.id, event, workspaceId: claimed.workspaceId });
    const renewal = setInterval(
      () => void queue.renew(claimed.id).catch((error) => eventLog.warn({ err: error }, 'lease renewal failed')),
      options.leaseMs / 3,
    );
    try {
      const installation = await installations.find(claimed.workspaceId);
      if (installation?.status !== 'ACTIVE') {
        await queue.release(claimed.id);
        return;
      }
      // Due since its retry time, else since its last change (receipt, or a replay).
      metrics.dispatchLag.observe({ event }, Math.max(0, Date.now() - (claimed.nextAttemptAt ?? claimed.updatedAt).getTime()) / 1000);
      const attempt = claimed.attempts + 1;
      const { results, runs } = await runHandlers({
        handlers: handlers(event),
        previous: parseResults(claimed.handlerResults),
        body: claimed.body,
        context: {
          event,
          workspaceId: claimed.workspaceId,
          eventId: claimed.id,
          attempt,
          installation,
          // Made on first use: making it checks the installation's apiUrl against the allowlist, and a handler that
          // never calls the API must not fail on that.
          api: lazyObject(() => clients.forInstallation(installation)),
        },
        log: eventLog,
        timeoutMs: options.handlerTimeoutMs,
      });
      for (const run of runs)
        metrics.handlerDuration.observe({ event, plugin: run.plugin, outcome: run.ok ? 'ok' : 'failed' }, run.durationMs / 1000);
      const outcome = decideOutcome(results, attempt, options);
      if (!(await queue.finish(claimed.id, outcome))) {
        eventLog.warn('the event was taken over by another instance or discarded during its run; its outcome was not recorded');
        return;
      }
      report(outcome, { event, metrics, log: eventLog });
    } catch (error) {
      // The database failed mid-run: the lease runs out and the event is run again (at-least-once).
      eventLog.error({ err: error }, 'webhook event run could not be recorded');
    } finally {
      clearInterval(renewal);
    }
  };
}

/** The event's state after a run; the failures of this run name their handlers in `lastError`. */
export function decideOutcome(results: HandlerResults, attempt: number, options: BackoffOptions & { maxAttempts: number }): RunOutcome {
  const failed = Object.entries(results).filter(([, result]) => !result.ok);
  const handlerResults = JSON.stringify(results);
  if (failed.length === 0) {
    return { state: 'handled', attempts: attempt, nextAttemptAt: null, lastError: null, handlerResults };
  }
  const lastError = failed.map(([key, result]) => `${key}: ${result.error ?? 'failed'}`).join('; ');
  if (attempt >= options.maxAttempts) return { state: 'dead', attempts: attempt, nextAttemptAt: null, lastError, handlerResults };
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempt, options));
  return { state: 'failed', attempts: attempt, nextAttemptAt, lastError, handlerResults };
}

function report(outcome: RunOutcome, { event, metrics, log }: { event: WebhookEventName; metrics: WebhookMetrics; log: Logger }): void {
  if (outcome.state === 'handled') log.debug({ attempt: outcome.attempts }, 'webhook event handled');
  else if (outcome.state === 'failed') {
    metrics.retries.inc({ event });
    log.warn(
      { attempt: outcome.attempts, nextAttemptAt: outcome.nextAttemptAt, error: outcome.lastError },
      'webhook event failed; will retry',
    );
  } else {
    metrics.deadLetters.inc({ event });
    log.error(
      { attempts: outcome.attempts, error: outcome.lastError },
      'webhook event is dead after its last attempt; replay it once fixed',
    );
  }
}

function parseResults(text: string | null | undefined): HandlerResults {
  if (!text) return {};
  try {
    return JSON.parse(text) as HandlerResults;
  } catch {
    return {};
  }
}
