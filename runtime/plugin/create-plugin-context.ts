import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { AddonConfig } from '../config/types.js';
import { AddonError } from '../errors/index.js';
import type { AddonHandler } from '../http/types.js';
import type { Store } from '../store/create-store.js';
import type { LifecycleHandler, WebhookHandler } from './handlers.js';
import type { Registrations } from './registrations.js';
import type { PluginContext } from './types.js';

export interface ContextDependencies {
  config: AddonConfig;
  log: Logger;
  store: Store;
  registry: Registry;
  registrations: Registrations;
}

/** The API one plugin sees: everything it registers is recorded under its name. */
export function createPluginContext<Options>(
  name: string,
  options: Options,
  { config, log, store, registry, registrations }: ContextDependencies,
): PluginContext<Options> {
  const file = config.source;
  const own = <T>(value: T) => ({ plugin: name, value });
  const pluginLog = log.child({ plugin: name });
  return {
    name,
    options,
    config,
    log: pluginLog,
    store,
    metrics: { registry, prefix: `addon_${name.replace(/-/g, '_')}_` },
    route(method, path, handler, routeOptions) {
      registrations.routes.push({ plugin: name, method, path, handler: withPluginLog(pluginLog, handler), options: routeOptions });
    },
    use(middleware) {
      registrations.middleware.push(own(middleware));
    },
    observe(observer) {
      registrations.observers.push(own(observer));
    },
    policy(policyName, factory) {
      const existing = registrations.policies.get(policyName);
      if (existing) {
        throw new AddonError(
          'SERVICE_ALREADY_PROVIDED',
          `auth policy "${policyName}" is defined by "${existing.plugin}" and again by "${name}"`,
          { file, plugin: name },
        );
      }
      registrations.policies.set(policyName, own(factory));
    },
    provide(key, value) {
      const existing = registrations.services.get(key.id);
      if (existing) {
        throw new AddonError('SERVICE_ALREADY_PROVIDED', `service "${key.id}" is provided by "${existing.plugin}" and again by "${name}"`, {
          file,
          plugin: name,
        });
      }
      registrations.services.set(key.id, own(value));
    },
    inject(key) {
      const service = registrations.services.get(key.id);
      if (!service) {
        throw new AddonError(
          'SERVICE_NOT_PROVIDED',
          `"${name}" needs service "${key.id}": configure the plugin that provides it and list it in dependsOn`,
          { file, plugin: name },
        );
      }
      return service.value as never;
    },
    health(checkName, check) {
      registrations.health.add(checkName, check);
    },
    webhooks: {
      on(event, handler) {
        registrations.webhooks.add(event, name, handler as unknown as WebhookHandler);
      },
    },
    lifecycle: {
      on(type, handler) {
        registrations.lifecycle.add(type, name, handler as unknown as LifecycleHandler);
      },
    },
    handlers: {
      lifecycle: (type) => registrations.lifecycle.handlers(type) as never,
      webhooks: (event) => registrations.webhooks.handlers(event) as never,
    },
    manifest() {
      if (!registrations.manifest) {
        throw new Error(`"${name}" asked for the manifest during setup; it is built afterwards, so read it in onReady or a handler`);
      }
      return structuredClone(registrations.manifest);
    },
    afterSetup(hook) {
      registrations.afterSetupHooks.push(own(hook));
    },
    onReady(hook) {
      registrations.readyHooks.push(own(hook));
    },
    onClose(hook) {
      registrations.closeHooks.push(own(hook));
    },
  };
}

/** The plugin's own logger for the request, with its id, as `c.get('log')` in the plugin's handler. */
function withPluginLog(pluginLog: Logger, handler: AddonHandler): AddonHandler {
  return function pluginRoute(c, next) {
    c.set('log', pluginLog.child({ requestId: c.get('requestId') }));
    return handler(c, next);
  };
}
