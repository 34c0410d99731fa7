import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { Registry as PromRegistry, type Registry } from 'prom-client';
import { buildManifest, type Manifest } from './clockify/build-manifest.js';
import type { AddonConfig } from './config/types.js';
import { AddonError, isAddonError } from './errors/index.js';
import { createHttpApp } from './http/create-http-app.js';
import { type ListeningServer, listen } from './http/http-server.js';
import type { AddonEnv } from './http/types.js';
import { openKernelServices } from './kernel-services.js';
import { createLogger } from './observability/logger.js';
import { createPluginContext } from './plugin/create-plugin-context.js';
import { type InlinePlugin, type LoadedPlugin, loadPlugins } from './plugin/load-plugins.js';
import { Registrations } from './plugin/registrations.js';
import type { ServiceKey } from './plugin/service-key.js';
import type { Store } from './store/create-store.js';

export interface CreateAddonOptions {
  config: AddonConfig;
  /** Defaults to JSON lines on stdout at the configured level. */
  log?: Logger;
  /** Plugins given in code, after those named in the config. */
  plugins?: readonly InlinePlugin[];
}

export interface Addon {
  readonly app: Hono<AddonEnv>;
  readonly config: AddonConfig;
  readonly log: Logger;
  readonly store: Store;
  readonly registry: Registry;
  /** Plugin names in setup order. */
  readonly plugins: readonly string[];
  manifest(): Manifest;
  inject<T>(key: ServiceKey<T>): T;
  /** Runs onReady hooks, then listens; resolves with the address. */
  start(): Promise<{ url: string; port: number }>;
  /** Graceful: stop accepting, finish in-flight requests, onClose hooks in reverse order, close the database. */
  close(): Promise<void>;
}

/**
 * The composition root: loads and orders plugins, connects and migrates the database, runs each plugin's
 * setup, then mounts what they registered. Knows no specific plugin.
 */
export async function createAddon({
  config,
  log = createLogger({ level: config.log.level }),
  plugins: inline = [],
}: CreateAddonOptions): Promise<Addon> {
  const plugins = await loadPlugins(config, inline);
  const registry = new PromRegistry();
  const registrations = new Registrations();
  const services = await openKernelServices(config, log, registrations, registry);
  const { store } = services;
  let state: 'setting-up' | 'ready' | 'closing' | 'closed' = 'setting-up';
  registrations.health.add('plugins', async () => {
    if (state !== 'ready') throw new Error(state === 'setting-up' ? 'starting' : 'shutting down');
  });
  let manifest: Manifest;
  let app: Hono<AddonEnv>;
  try {
    for (const { name, plugin, options } of plugins)
      await setupPlugin(name, plugin, options, { config, log, store, registry, registrations });
    for (const { plugin, value: hook } of registrations.afterSetupHooks) await runHook(plugin, hook, 'PLUGIN_SETUP_FAILED', config);
    manifest = buildManifest(
      config,
      plugins.map(({ name, plugin, options }) => ({
        ...plugin.manifest?.({ options, config, webhookEvents: registrations.webhooks.names() }),
        plugin: name,
      })),
    );
    registrations.manifest = manifest;
    app = createHttpApp({ config, log, registrations, manifest });
  } catch (error) {
    // A failed boot releases its connections, so an open pool cannot keep the process alive.
    await services.release();
    throw error;
  }

  let server: ListeningServer | undefined;
  return {
    app,
    config,
    log,
    store,
    registry,
    plugins: plugins.map((plugin) => plugin.name),
    manifest: () => structuredClone(manifest),
    inject: (key) => {
      const service = registrations.services.get(key.id);
      if (!service) throw new AddonError('SERVICE_NOT_PROVIDED', `no plugin provides "${key.id}"`, { file: config.source });
      return service.value as never;
    },
    async start() {
      for (const { plugin, value: hook } of registrations.readyHooks) await runHook(plugin, hook, 'PLUGIN_READY_FAILED', config);
      server = await listen(app.fetch, { port: config.server.port, host: config.server.host });
      state = 'ready';
      log.info({ url: server.url, plugins: plugins.map((plugin) => plugin.name), database: store.display }, 'add-on ready');
      return { url: server.url, port: server.port };
    },
    async close() {
      if (state === 'closing' || state === 'closed') return;
      state = 'closing';
      await server?.close(config.server.shutdownTimeoutMs);
      for (const { plugin, value: hook } of [...registrations.closeHooks].reverse()) {
        await Promise.resolve()
          .then(hook)
          .catch((error) => log.error({ err: error, plugin }, 'onClose hook failed'));
      }
      await services.release();
      state = 'closed';
      log.info('add-on stopped');
      log.flush();
    },
  };
}

async function setupPlugin(
  name: string,
  plugin: LoadedPlugin['plugin'],
  options: Record<string, unknown>,
  dependencies: Parameters<typeof createPluginContext>[2],
): Promise<void> {
  try {
    await plugin.setup(createPluginContext(name, options, dependencies));
  } catch (cause) {
    if (isAddonError(cause)) throw cause;
    throw new AddonError('PLUGIN_SETUP_FAILED', (cause as Error).message, { file: dependencies.config.source, plugin: name }, { cause });
  }
}

async function runHook(
  plugin: string,
  hook: () => unknown,
  code: 'PLUGIN_SETUP_FAILED' | 'PLUGIN_READY_FAILED',
  config: AddonConfig,
): Promise<void> {
  try {
    await hook();
  } catch (cause) {
    throw new AddonError(code, (cause as Error).message, { file: config.source, plugin }, { cause });
  }
}
