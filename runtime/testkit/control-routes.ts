import type { Hono } from 'hono';
import { isWebhookEventName } from '../clockify/events.js';
import type { Delivery } from './deliveries.js';
import type { SendWebhookOptions, WebhookSender } from './send-webhook.js';
import { SimulatorError } from './simulator-error.js';

export interface ControlDependencies {
  describe(): Record<string, unknown>;
  webhooks: WebhookSender;
}

/** The path prefix of the control endpoints; the Clockify API itself lives under `/api`. */
export const CONTROL_PREFIX = '/_simulator';

/**
 * A small local control API, so another process (`addon simulate webhook NEW_TIME_ENTRY`) can drive a running
 * simulator. The simulator listens on 127.0.0.1 only, which is what keeps these unauthenticated routes private.
 */
export function mountControlRoutes(app: Hono, { describe, webhooks }: ControlDependencies): void {
  app.get(CONTROL_PREFIX, (c) => c.json(describe()));
  app.post(`${CONTROL_PREFIX}/webhooks/:event`, async function sendWebhookRoute(c) {
    const event = c.req.param('event');
    if (!isWebhookEventName(event))
      return c.json({ error: { code: 'UNKNOWN_EVENT', message: `${event} is not a Clockify webhook event` } }, 400);
    const text = await c.req.text();
    let request: { body?: unknown } & SendWebhookOptions;
    try {
      request = text.trim() ? (JSON.parse(text) as typeof request) : {};
    } catch {
      return c.json({ error: { code: 'INVALID_JSON', message: 'the request body is not JSON' } }, 400);
    }
    try {
      const { body, ...options } = request;
      const deliveries = await webhooks.send(event, body, options);
      return c.json({ deliveries: deliveries.map(summary) });
    } catch (error) {
      if (error instanceof SimulatorError) return c.json({ error: { code: error.code, message: error.message } }, 409);
      throw error;
    }
  });
}

function summary({ id, name, url, status, durationMs, responseText }: Delivery) {
  return { id, event: name, url, status, durationMs: Math.round(durationMs), response: responseText.slice(0, 500) };
}
