import type { LifecycleHandler, LifecycleType, Logger, RegisteredHandler } from '../../runtime/index.js';
import { TIMED_OUT, withTimeLimit } from '../../runtime/index.js';
import type { LifecycleBodies } from './payloads.js';

export interface DispatchResult {
  called: number;
  failed: string[];
}

/**
 * Calls every plugin's `ctx.lifecycle.on(type, …)` handler in registration order, after the store was updated.
 * A handler that throws is logged with its plugin's name and the others still run: the call was accepted and
 * recorded, so one plugin's failure (e.g. a purge that hit a locked table) must not change Clockify's answer.
 * Clockify waits for the answer, so a handler still running after `timeoutMs` counts as failed and the next one
 * starts; the late one is not stopped (JavaScript cannot), and what it does later is its own.
 */
export async function dispatchHandlers<T extends LifecycleType>(
  handlers: readonly RegisteredHandler<LifecycleHandler<T>>[],
  {
    type,
    payload,
    workspaceId,
    log,
    timeoutMs,
  }: { type: T; payload: LifecycleBodies[T]; workspaceId: string; log: Logger; timeoutMs: number },
): Promise<DispatchResult> {
  const failed: string[] = [];
  for (const { plugin, handler } of handlers) {
    const handlerLog = log.child({ handlerPlugin: plugin });
    try {
      const outcome = await withTimeLimit(Promise.resolve(handler(payload, { type, workspaceId, log: handlerLog })), timeoutMs);
      if (outcome === TIMED_OUT) {
        failed.push(plugin);
        handlerLog.error({ type, workspaceId, timeoutMs }, `lifecycle handler still running after ${timeoutMs} ms; answering without it`);
      }
    } catch (error) {
      failed.push(plugin);
      handlerLog.error({ err: error, type, workspaceId }, 'lifecycle handler failed');
    }
  }
  return { called: handlers.length, failed };
}
