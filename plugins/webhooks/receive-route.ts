import type { AddonHandler, AddonMiddleware, WebhookEventName } from '../../runtime/index.js';
import { isHttpError, readJsonBody } from '../../runtime/index.js';
import type { AppendEvent } from './append-event.js';
import type { WebhookMetrics } from './metrics.js';

export interface ReceiveDependencies {
  append: AppendEvent;
  /** Tells the dispatcher there is new work. */
  onAccepted: () => void;
  receipts: WebhookMetrics['receipts'];
}

/**
 * The handler of one webhook route, reached only once the `webhook` policy admitted the delivery (signature, event
 * header, stored token, active installation, body workspace). It stores the delivery and answers: handlers never run
 * here, so Clockify gets its 200 as soon as the row is committed, and a duplicate gets the same 200 and the same id.
 */
export function createReceiveRoute(event: WebhookEventName, { append, onAccepted, receipts }: ReceiveDependencies): AddonHandler {
  return async function receiveWebhook(c) {
    const body = await readJsonBody(c);
    const receipt = await append({ workspaceId: c.get('clockify').workspaceId, event, body });
    receipts.inc({ event, outcome: receipt.status, reason: '' });
    if (receipt.status === 'accepted') onAccepted();
    return c.json(receipt);
  };
}

/**
 * Counts refused deliveries. Refusals happen before the route (body limit, auth policy), so this runs as global
 * middleware that only looks at the plugin's own webhook paths; the refusal's error code is the reason.
 */
export function countRejections(routes: ReadonlyMap<string, WebhookEventName>, receipts: WebhookMetrics['receipts']): AddonMiddleware {
  return async function countWebhookRejections(c, next) {
    const event = c.req.method === 'POST' ? routes.get(c.req.path) : undefined;
    await next();
    if (event === undefined || c.res.status < 400) return;
    const reason = isHttpError(c.error) ? c.error.code : `HTTP_${c.res.status}`;
    receipts.inc({ event, outcome: 'rejected', reason });
  };
}
