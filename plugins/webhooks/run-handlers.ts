import type { Logger, RegisteredHandler, WebhookContext, WebhookHandler } from '../../runtime/index.js';
import { redactText, TIMED_OUT, withTimeLimit } from '../../runtime/index.js';

/** One handler's latest outcome on one event, kept in the inbox row (`handler_results`). */
export interface HandlerResult {
  ok: boolean;
  /** Runs of this handler on this event. */
  attempts: number;
  error?: string;
  at: string;
}

/** Keyed `plugin#n`: the plugin's n-th handler of the event, in registration order (stable while the code is). */
export type HandlerResults = Record<string, HandlerResult>;

export interface HandlerRun {
  key: string;
  plugin: string;
  ok: boolean;
  durationMs: number;
  error?: unknown;
}

export interface RunHandlersInput {
  handlers: readonly RegisteredHandler<WebhookHandler>[];
  previous: HandlerResults;
  /** The stored body: parsed afresh for each handler, so one handler's changes to it never reach another. */
  body: string;
  context: Omit<WebhookContext, 'log'>;
  log: Logger;
  timeoutMs: number;
}

const MAX_ERROR_CHARS = 1000;

/**
 * Runs, in registration order, every handler of the event that has not yet succeeded on it. Each runs on its own: a
 * throw, a rejection or a timeout is recorded against that handler and the next one still runs. A handler that
 * succeeded keeps its result, so a retry or replay runs only the rest (at-least-once per handler, README.md).
 */
export async function runHandlers({ handlers, previous, body, context, log, timeoutMs }: RunHandlersInput) {
  // Results of handlers no longer registered are dropped: they can neither succeed nor block the event.
  const results: HandlerResults = {};
  const runs: HandlerRun[] = [];
  for (const [key, { plugin, handler }] of keyed(handlers)) {
    const before = previous[key];
    if (before?.ok) {
      results[key] = before;
      continue;
    }
    const handlerLog = log.child({ handlerPlugin: plugin });
    const started = performance.now();
    let error: unknown;
    try {
      const outcome = await withTimeLimit(
        Promise.resolve().then(() => handler(JSON.parse(body), { ...context, log: handlerLog })),
        timeoutMs,
      );
      if (outcome === TIMED_OUT) throw new Error(`the handler did not finish within ${timeoutMs} ms`);
    } catch (caught) {
      error = caught ?? new Error('the handler rejected without a reason');
      handlerLog.error({ err: caught, event: context.event, eventId: context.eventId, attempt: context.attempt }, 'webhook handler failed');
    }
    const ok = error === undefined;
    results[key] = { ok, attempts: (before?.attempts ?? 0) + 1, ...(ok ? {} : { error: describe(error) }), at: new Date().toISOString() };
    runs.push({ key, plugin, ok, durationMs: performance.now() - started, ...(ok ? {} : { error }) });
  }
  return { results, runs };
}

export function keyed<H>(handlers: readonly RegisteredHandler<H>[]): [string, RegisteredHandler<H>][] {
  const seen = new Map<string, number>();
  return handlers.map((registered) => {
    const index = seen.get(registered.plugin) ?? 0;
    seen.set(registered.plugin, index + 1);
    return [`${registered.plugin}#${index}`, registered];
  });
}

/** The message kept in the inbox: tokens redacted (a handler may echo an API answer), length bounded. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return redactText(text).slice(0, MAX_ERROR_CHARS);
}
