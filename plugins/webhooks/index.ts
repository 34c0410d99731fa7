import type { WebhookEventName } from '../../runtime/index.js';
import { clockifyClientsKey, createRetention, createWebhookInbox, definePlugin, installationsKey } from '../../runtime/index.js';
import { adminRoutes } from './admin-routes.js';
import { createAppendEvent } from './append-event.js';
import { createCountDeliveries } from './delivery-stats.js';
import { createDispatchQueue } from './dispatch-queue.js';
import { createDispatcher } from './dispatcher.js';
import { createWebhookMetrics } from './metrics.js';
import { type WebhooksOptions, webhooksOptionsSchema } from './options.js';
import { countRejections, createReceiveRoute } from './receive-route.js';
import { createRunEvent } from './run-event.js';
import { handledEvents, manifestWebhooks, subscriptions } from './subscriptions.js';

export type { Receipt } from './append-event.js';
export type { DeliveryStats, EventDeliveries } from './delivery-stats.js';
export type { DispatchOptions, WebhooksOptions } from './options.js';

/**
 * The webhook inbox (README.md): one route and one manifest entry per event some plugin handles, each delivery
 * stored (deduplicated) before it is acknowledged, then dispatched off the request path to the handlers, in order per
 * workspace + entity, with retries, dead letters, replay, an admin API and retention.
 */
export default definePlugin<WebhooksOptions>({
  name: 'webhooks',
  dependsOn: ['auth'],
  optionsSchema: webhooksOptionsSchema,
  manifest: ({ options, config, webhookEvents }) => ({ webhooks: manifestWebhooks(options, webhookEvents, config) }),
  setup(ctx) {
    const { options, log, store } = ctx;
    const inbox = createWebhookInbox(store);
    const metrics = createWebhookMetrics(ctx.metrics, { inbox, log });
    const queue = createDispatchQueue(store, { leaseMs: options.dispatch.leaseMs });
    const installations = ctx.inject(installationsKey);
    const clients = ctx.inject(clockifyClientsKey);
    const runEvent = createRunEvent({
      queue,
      handlers: ctx.handlers.webhooks,
      installations,
      clients,
      options: options.dispatch,
      metrics,
      log,
    });
    const dispatcher = createDispatcher({ queue, runEvent, ...options.dispatch, log });
    // Finished events past the retention, and those of uninstalled workspaces; open ones stay however old.
    const retention = createRetention({
      purgeBefore: (cutoff) => inbox.purgeFinished(cutoff),
      ...options.retention,
      log,
      what: 'webhook events',
    });

    const webhookPaths = new Map<string, WebhookEventName>();
    ctx.observe(countRejections(webhookPaths, metrics.receipts));
    // After every setup, so handlers of plugins set up after this one have their routes too.
    ctx.afterSetup(() => {
      const receive = { append: createAppendEvent(store), onAccepted: dispatcher.offer, receipts: metrics.receipts };
      for (const { event, path } of subscriptions(options, handledEvents(ctx.handlers.webhooks))) {
        webhookPaths.set(path, event);
        ctx.route('POST', path, createReceiveRoute(event, receive), { auth: 'webhook', bodyLimit: options.maxBodyBytes, meta: { event } });
      }
    });
    const countDeliveries = createCountDeliveries(store);
    for (const { method, path, handler } of adminRoutes(options.adminPath, { inbox, wake: dispatcher.wake, countDeliveries })) {
      ctx.route(method, path, handler, { auth: 'admin' });
    }
    // Uninstalled: its events can never be dispatched (no token), and its data must go (PLATFORM.md §4).
    ctx.lifecycle.on('DELETED', async (_payload, { workspaceId }) => void (await inbox.purgeWorkspace(workspaceId)));

    ctx.onReady(async () => {
      // An SQLite database has one server process, which keeps its leases in memory: any in the table were written by
      // an earlier version, and none is current.
      await dispatcher.start({ releaseLeases: store.driver === 'sqlite' });
      retention.start();
    });
    ctx.onClose(async () => {
      retention.stop();
      await dispatcher.stop();
    });
  },
});
