import type { WebhookEventName } from '../clockify/events.js';
import type { Dataset } from './dataset.js';
import { type Delivery, postJson } from './deliveries.js';
import type { PlatformState } from './platform-actions.js';
import { SimulatorError } from './simulator-error.js';
import { webhookBody } from './webhook-bodies.js';

export interface SendWebhookOptions {
  /** Copies sent right after the first, with the same body and signature (at-least-once delivery). */
  duplicate?: number;
  /** Sends again the body of an earlier delivery (its id from `deliveries` or a previous result). */
  replayOf?: string;
  /** Waits this long before sending. */
  delayMs?: number;
  /** Sends even while the add-on is switched off, to see it refuse. */
  force?: boolean;
}

export interface BatchItem {
  event: WebhookEventName;
  body?: unknown;
}

export interface WebhookSender {
  /** Delivers one event to every manifest webhook for it; resolves with each delivery, copies included. */
  send(event: WebhookEventName, body?: unknown, options?: SendWebhookOptions): Promise<Delivery[]>;
  /** Delivers several events one after the other, in `order` (indexes into `batch`) when given: out-of-order arrival. */
  sendBatch(batch: readonly BatchItem[], options?: { order?: readonly number[] }): Promise<Delivery[]>;
}

export interface WebhookSenderDependencies {
  state: PlatformState;
  dataset: Dataset;
  deliveries: Delivery[];
  newDeliveryId(): string;
}

/** Signs each delivery with the webhook's own token (`clockify-signature`) and names the event in its header. */
export function createWebhookSender({ state, dataset, deliveries, newDeliveryId }: WebhookSenderDependencies): WebhookSender {
  const send: WebhookSender['send'] = async (event, body, { duplicate = 0, replayOf, delayMs = 0, force = false } = {}) => {
    const installation = state.installation;
    if (!installation) throw new SimulatorError('NOT_INSTALLED');
    if (installation.status === 'INACTIVE' && !force) throw new SimulatorError('ADDON_INACTIVE');
    const original =
      replayOf === undefined ? undefined : deliveries.find((delivery) => delivery.id === replayOf && delivery.kind === 'webhook');
    if (replayOf !== undefined && (!original || original.name !== event))
      throw new SimulatorError('DELIVERY_UNKNOWN', `${replayOf} (${event})`);
    const targets = installation.webhooks.filter((webhook) => webhook.event === event);
    if (targets.length === 0) throw new SimulatorError('WEBHOOK_NOT_SUBSCRIBED', event);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const payload = body ?? original?.body ?? webhookBody(event, dataset);
    const sent: Delivery[] = [];
    for (const webhook of targets) {
      const headers = { 'clockify-signature': webhook.token, 'clockify-webhook-event-type': event };
      const post = (repeatOf?: string) =>
        postJson(deliveries, { kind: 'webhook', name: event, url: webhook.url, headers, body: payload, id: newDeliveryId(), repeatOf });
      const first = await post(original?.id);
      sent.push(first);
      for (let copy = 0; copy < duplicate; copy++) sent.push(await post(first.id));
    }
    return sent;
  };
  return {
    send,
    async sendBatch(batch, { order = batch.map((_, index) => index) } = {}) {
      const sent: Delivery[] = [];
      for (const position of order) {
        const item = batch[position];
        if (item) sent.push(...(await send(item.event, item.body)));
      }
      return sent;
    },
  };
}
