import type { LifecycleHandler, LifecycleType, Logger, RegisteredHandler } from '../../runtime/index.js';
import type { LifecycleBodies } from './payloads.js';

export interface DispatchResult {
  called: number;
  failed: string[];
}

/**
 * Calls every plugin's `ctx.lifecycle.on(type, …)` handler in registration order, after the store was updated.
 * A handler that throws is logged with its plugin's name and the others still run: the call was accepted and
 * recorded, so one plugin's failure (e.g. a purge that hit a locked table) must not change Clockify's answer.
 */
export async function dispatchHandlers<T extends LifecycleType>(
  handlers: readonly RegisteredHandler<LifecycleHandler<T>>[],
  { type, payload, workspaceId, log }: { type: T; payload: LifecycleBodies[T]; workspaceId: string; log: Logger },
): Promise<DispatchResult> {
  const failed: string[] = [];
  for (const { plugin, handler } of handlers) {
    const handlerLog = log.child({ handlerPlugin: plugin });
    try {
      await handler(payload, { type, workspaceId, log: handlerLog });
    } catch (error) {
      failed.push(plugin);
      handlerLog.error({ err: error, type, workspaceId }, 'lifecycle handler failed');
    }
  }
  return { called: handlers.length, failed };
}
