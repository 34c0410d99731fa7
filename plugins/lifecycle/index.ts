import { clockifyClientsKey, definePlugin, installationsKey, type LifecycleType } from '../../runtime/index.js';
import { createAddonWebhooksFetcher } from './fetch-addon-webhooks.js';
import { createHealthRoute } from './health-route.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createLifecycleRoute } from './lifecycle-route.js';
import { createTurns } from './one-per-turn.js';
import { type LifecycleOptions, lifecycleOptionsSchema, lifecycleRoutes } from './options.js';
import { createSubscriptionHealth } from './subscription-health.js';
import { createBodyValidator } from './validate-body.js';

export type { DeletedPayload, InstalledPayload, SettingsUpdatedPayload, StatusChangedPayload } from './payloads.js';
export type { SubscriptionReport } from './subscription-health.js';

/**
 * Receives Clockify's lifecycle calls (PLATFORM.md §4): keeps the installation in the store (tokens sealed),
 * then hands each applied call to the handlers plugins registered with `ctx.lifecycle.on`. Checks that Clockify
 * holds the webhook subscriptions the manifest asks for, after each install and on demand.
 */
export default definePlugin<LifecycleOptions>({
  name: 'lifecycle',
  optionsSchema: lifecycleOptionsSchema,
  manifest: ({ options }) => ({ lifecycle: lifecycleRoutes(options.paths) }),
  setup(ctx) {
    const { options } = ctx;
    const installations = ctx.inject(installationsKey);
    const health = createSubscriptionHealth({
      installations,
      manifest: () => ctx.manifest(),
      fetchWebhooks: createAddonWebhooksFetcher(ctx.inject(clockifyClientsKey)),
      log: ctx.log,
      metrics: ctx.metrics,
      delayMs: options.subscriptionCheck.delayAfterInstallMs,
      timeoutMs: options.subscriptionCheck.timeoutMs,
    });
    const validate = createBodyValidator();
    const dependencies = {
      state: installations,
      validate,
      queue: createKeyedQueue(),
      handlers: ctx.handlers.lifecycle,
      baseUrl: ctx.config.baseUrl,
      handlerTimeoutMs: options.handlerTimeoutMs,
      afterApplied(type: LifecycleType, { workspaceId }: { workspaceId: string }) {
        if (type === 'DELETED') health.forget(workspaceId);
        if (type === 'INSTALLED' && options.subscriptionCheck.enabled) health.schedule(workspaceId);
      },
    };
    for (const { type, path } of lifecycleRoutes(options.paths)) {
      ctx.route('POST', path, createLifecycleRoute(type, dependencies), { auth: 'lifecycle', bodyLimit: options.maxBodyBytes });
    }
    ctx.route('GET', options.healthPath, createHealthRoute(health), { auth: 'admin' });
    ctx.onClose(() => health.close());
    // A marketplace rollout sends many INSTALLED at once: the first must not stall the event loop compiling its
    // schema (~30 ms), so the schemas are compiled once the server is up, one per turn of the event loop.
    let closed = false;
    ctx.onReady(() => {
      const takeTurn = createTurns();
      for (const { type } of lifecycleRoutes(options.paths))
        void takeTurn().then(() => {
          if (!closed) validate.prepare(type);
        });
    });
    ctx.onClose(() => {
      closed = true;
    });
  },
});
