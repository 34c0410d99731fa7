import type {
  AddonHandler,
  Installations as InstallationState,
  LifecycleHandler,
  LifecycleType,
  RegisteredHandler,
} from '../../runtime/index.js';
import { readJsonBody } from '../../runtime/index.js';
import { applyLifecycleEvent, IGNORE_REASONS, type LifecycleOutcome } from './apply-lifecycle-event.js';
import { dispatchHandlers } from './dispatch-handlers.js';
import type { KeyedQueue } from './keyed-queue.js';
import type { LifecycleBodies } from './payloads.js';
import type { BodyValidator } from './validate-body.js';

export interface LifecycleRouteDependencies {
  state: InstallationState;
  validate: BodyValidator;
  queue: KeyedQueue;
  handlers: <T extends LifecycleType>(type: T) => readonly RegisteredHandler<LifecycleHandler<T>>[];
  baseUrl: string;
  /** How long each plugin's lifecycle handler may run before the call is answered without it. */
  handlerTimeoutMs: number;
  /** Runs after an applied call is answered for, e.g. to schedule the subscription check. */
  afterApplied?: (type: LifecycleType, body: LifecycleBodies[LifecycleType]) => void;
}

/**
 * The handler of one lifecycle route. The auth policy has already verified the token and that the body's
 * workspaceId/addonId are the token's. Calls of one workspace are applied and dispatched in arrival order;
 * a call that changes nothing (unknown or earlier installation) is answered 200 so Clockify does not retry it.
 */
export function createLifecycleRoute<T extends LifecycleType>(type: T, dependencies: LifecycleRouteDependencies): AddonHandler {
  const { state, validate, queue, handlers, baseUrl, afterApplied, handlerTimeoutMs } = dependencies;
  return async function lifecycleRoute(c) {
    const log = c.get('log');
    const body = validate(type, await readJsonBody(c));
    const { workspaceId, addonId } = body;
    const fallbackApiUrl = c.get('clockify')?.backendUrl;
    const { outcome, dispatched } = await queue.run(workspaceId, async () => {
      const outcome = await applyLifecycleEvent(type, body, { state, now: new Date(), baseUrl, fallbackApiUrl });
      const dispatched =
        outcome.result === 'applied'
          ? await dispatchHandlers(handlers(type), { type, payload: body, workspaceId, log, timeoutMs: handlerTimeoutMs })
          : undefined;
      return { outcome, dispatched };
    });
    // Ids and outcome only: the body carries the installation and webhook tokens.
    const fields = { type, workspaceId, addonId, ...outcome, handlers: dispatched?.called, failedHandlers: dispatched?.failed };
    if (outcome.result === 'applied') {
      log.info(fields, 'lifecycle call applied');
      afterApplied?.(type, body);
    } else log.warn(fields, `lifecycle call ignored: ${IGNORE_REASONS[outcome.reason]}`);
    return c.json(answer(type, outcome));
  };
}

function answer(type: LifecycleType, outcome: LifecycleOutcome) {
  return outcome.result === 'applied'
    ? { type, result: outcome.result, change: outcome.change }
    : { type, result: outcome.result, reason: outcome.reason, message: IGNORE_REASONS[outcome.reason] };
}
