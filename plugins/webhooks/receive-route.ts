import type { AddonHandler, RequestObserver, WebhookEventName } from '../../runtime/index.js';
import { isHttpError, readJsonBody } from '../../runtime/index.js';
import type { AppendEvent } from './append-event.js';
import { type FreshEvent, orderKeyOf } from './dispatcher.js';
import type { WebhookMetrics } from './metrics.js';

export interface ReceiveDependencies {
  append: AppendEvent;
  /** Hands a newly stored delivery to the dispatcher. */
  onAccepted: (event: FreshEvent) => void;
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
    const { workspaceId } = c.get('clockify');
    const { status, id, entityId } = await append({ workspaceId, event, body });
    receipts.inc({ event, outcome: status, reason: '' });
    if (status === 'accepted') onAccepted({ id, orderKey: orderKeyOf({ workspaceId, entityId }) });
    return c.json({ status, id });
  };
}

/**
 * Counts refused deliveries. Refusals happen before the route (body limit, auth policy), so this observes every
 * answered request and only looks at the plugin's own webhook paths; the refusal's error code is the reason.
 */
export function countRejections(routes: ReadonlyMap<string, WebhookEventName>, receipts: WebhookMetrics['receipts']): RequestObserver {
  return function countWebhookRejections(c) {
    if (c.res.status < 400 || c.req.method !== 'POST') return;
    const event = routes.get(c.req.path);
    if (event === undefined) return;
    const reason = isHttpError(c.error) ? c.error.code : `HTTP_${c.res.status}`;
    receipts.inc({ event, outcome: 'rejected', reason });
  };
}
