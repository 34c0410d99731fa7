import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger, WebhookInbox } from '../../runtime/index.js';
import { WEBHOOK_EVENT_STATES } from '../../runtime/index.js';

export interface WebhookMetrics {
  /** Deliveries answered, by event and outcome (accepted, duplicate, rejected) with the rejection's error code. */
  receipts: Counter<'event' | 'outcome' | 'reason'>;
  handlerDuration: Histogram<'event' | 'plugin' | 'outcome'>;
  /** Runs that failed and were scheduled again. */
  retries: Counter<'event'>;
  deadLetters: Counter<'event'>;
  /** From when an event could run (received, or its retry became due) to when its run started. */
  dispatchLag: Histogram<'event'>;
}

/** The plugin's Prometheus metrics on the kernel registry; the inbox depth is counted in the database on each scrape. */
export function createWebhookMetrics(
  { registry, prefix }: { registry: Registry; prefix: string },
  { inbox, log }: { inbox: WebhookInbox; log: Logger },
): WebhookMetrics {
  const registers = [registry];
  new Gauge({
    name: `${prefix}inbox_events`,
    help: 'Events in the webhook inbox, by state (counted in the database at scrape time, so every instance reports the same)',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      try {
        const counts = await inbox.countByState();
        for (const state of WEBHOOK_EVENT_STATES) this.set({ state }, counts[state]);
      } catch (error) {
        // A scrape must not fail because the database is briefly away; the last values stay.
        log.warn({ err: error }, 'could not count the webhook inbox for /metrics');
      }
    },
  });
  return {
    receipts: new Counter({
      name: `${prefix}receipts_total`,
      help: 'Webhook deliveries answered, by event, outcome (accepted, duplicate, rejected) and rejection code',
      labelNames: ['event', 'outcome', 'reason'] as const,
      registers,
    }),
    handlerDuration: new Histogram({
      name: `${prefix}handler_duration_seconds`,
      help: 'Webhook handler run time, by event, plugin and outcome (ok, failed)',
      labelNames: ['event', 'plugin', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    retries: new Counter({
      name: `${prefix}retries_total`,
      help: 'Webhook event runs that failed and were scheduled again',
      labelNames: ['event'] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: `${prefix}dead_letters_total`,
      help: 'Webhook events that used up their attempts and went to the dead-letter state',
      labelNames: ['event'] as const,
      registers,
    }),
    dispatchLag: new Histogram({
      name: `${prefix}dispatch_lag_seconds`,
      help: 'Delay between a webhook event becoming due (received, or its retry time) and its run starting',
      labelNames: ['event'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60, 300],
      registers,
    }),
  };
}
