import { Hono } from 'hono';
import type { Logger } from 'pino';
import { Registry as PromRegistry, type Registry } from 'prom-client';
import { buildManifest, type Manifest } from './clockify/build-manifest.js';
import { createInstallations } from './clockify/create-installations.js';
import { installationsKey } from './clockify/installations.js';
import type { AddonConfig } from './config/types.js';
import { AddonError } from './errors/index.js';
import { createErrorHandler } from './http/error-handler.js';
import { mountHealthRoutes } from './http/health.js';
import { type ListeningServer, listen } from './http/http-server.js';
import { requestId } from './http/request-id.js';
import type { AddonEnv } from './http/types.js';
import { createLogger } from './observability/logger.js';
import { createPluginContext } from './plugin/create-plugin-context.js';
import { type InlinePlugin, type LoadedPlugin, loadPlugins } from './plugin/load-plugins.js';
import { mountRoutes } from './plugin/mount-routes.js';
import { Registrations } from './plugin/registrations.js';
import type { ServiceKey } from './plugin/service-key.js';
import { createSecretBox, loadEncryptionKey } from './security/secret-box.js';
import { createRedis, pingRedis, redisKey } from './store/create-redis.js';
import { createStore, type Store } from './store/create-store.js';

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
  const store = await createStore({
    url: config.database.url,
    dataDir: config.database.dataDir,
    log: log.child({ component: 'store' }),
    debug: config.database.debug,
  });
  const registry = new PromRegistry();
  const registrations = new Registrations();
  const box = createSecretBox(loadEncryptionKey({ configured: config.security.encryptionKey, dataDir: config.database.dataDir }));
  registrations.services.set(installationsKey.id, { plugin: 'kernel', value: createInstallations(store, box) });
  const redis = config.redis.url ? await createRedis(config.redis.url, log.child({ component: 'redis' })) : undefined;
  if (redis) {
    registrations.services.set(redisKey.id, { plugin: 'kernel', value: redis });
    registrations.health.add('redis', () => pingRedis(redis));
  }
  let state: 'setting-up' | 'ready' | 'closing' | 'closed' = 'setting-up';
  try {
    const applied = await store.migrate();
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    for (const { name, plugin, options } of plugins)
      await setupPlugin(name, plugin, options, { config, log, store, registry, registrations });
  } catch (error) {
    await store.close();
    redis?.disconnect();
    throw error;
  }
  registrations.health.add('database', () => store.ping());
  registrations.health.add('plugins', async () => {
    if (state !== 'ready') throw new Error(state === 'setting-up' ? 'starting' : 'shutting down');
  });

  const app = new Hono<AddonEnv>();
  app.use(requestId(log));
  app.onError(createErrorHandler(log));
  for (const { value } of registrations.middleware) app.use(value);
  let manifest: Manifest;
  try {
    manifest = buildManifest(
      config,
      plugins.map(({ name, plugin, options }) => ({
        ...plugin.manifest?.({ options, config, webhookEvents: registrations.webhooks.names() }),
        plugin: name,
      })),
    );
  } catch (error) {
    // MANIFEST_INVALID fails the boot; connections are released so an open pool cannot keep the process alive.
    await store.close();
    redis?.disconnect();
    throw error;
  }
  registrations.manifest = manifest;
  mountHealthRoutes(app, registrations.health);
  app.get('/manifest', (c) => c.json(manifest));
  mountRoutes(app, registrations, config, ['/health', '/ready', '/manifest']);

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
      await store.close();
      redis?.disconnect();
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
    if (cause instanceof AddonError) throw cause;
    throw new AddonError('PLUGIN_SETUP_FAILED', (cause as Error).message, { file: dependencies.config.source, plugin: name }, { cause });
  }
}

async function runHook(plugin: string, hook: () => unknown, code: 'PLUGIN_READY_FAILED', config: AddonConfig): Promise<void> {
  try {
    await hook();
  } catch (cause) {
    throw new AddonError(code, (cause as Error).message, { file: config.source, plugin }, { cause });
  }
}
