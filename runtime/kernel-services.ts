import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import {
  type ClockifyClients,
  type ClockifyClientsOptions,
  clockifyClientsKey,
  createClockifyClients,
} from './clockify/api-client/create-clockify-clients.js';
import { createInstallations } from './clockify/create-installations.js';
import { installationsKey } from './clockify/installations.js';
import type { AddonConfig } from './config/types.js';
import { AddonError } from './errors/index.js';
import { createOpenApiService, openApiKey } from './openapi/openapi-service.js';
import type { Registrations } from './plugin/registrations.js';
import { createSecretBox, loadEncryptionKey } from './security/secret-box.js';
import { createStore, type Store } from './store/create-store.js';
import { redisKey } from './store/redis-key.js';

export interface KernelServices {
  store: Store;
  redis?: Redis;
  /** Closes the database and Redis; safe to call once, on shutdown or on a failed boot. */
  release(): Promise<void>;
}

/**
 * What the kernel itself provides before any plugin runs: the database (migrated), the installations service
 * (tokens sealed with the configured or generated key), when REDIS_URL is set a Redis connection, and the Clockify
 * API client factory (its rate governor shared through that Redis). Each is registered as a service; the database
 * and Redis are given a readiness check.
 */
export async function openKernelServices(
  config: AddonConfig,
  log: Logger,
  registrations: Registrations,
  registry?: Registry,
): Promise<KernelServices> {
  const { url, dataDir, debug } = config.database;
  const store = await createStore({ url, dataDir, log: log.child({ component: 'store' }), debug });
  let redis: Redis | undefined;
  const release = async () => {
    await store.close();
    redis?.disconnect();
  };
  try {
    const applied = await store.migrate();
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    const box = createSecretBox(loadEncryptionKey({ configured: config.security.encryptionKey, dataDir }));
    const installations = createInstallations(store, box);
    registrations.services.set(installationsKey.id, { plugin: 'kernel', value: installations });
    registrations.health.add('database', () => store.ping());
    const openapi = createOpenApiService({ defaultPath: config.openapi, baseDir: config.baseDir });
    registrations.services.set(openApiKey.id, { plugin: 'kernel', value: openapi });
    if (config.redis.url) {
      // Imported only when configured: ioredis is a sizeable module tree that a start without Redis need not load.
      const { createRedis, pingRedis } = await import('./store/create-redis.js');
      const connected = await createRedis(config.redis.url, log.child({ component: 'redis' }));
      redis = connected;
      registrations.services.set(redisKey.id, { plugin: 'kernel', value: connected });
      registrations.health.add('redis', () => pingRedis(connected));
    }
    const clients = openClockifyClients(config, { installations, redis, registry, log: log.child({ component: 'clockify' }) });
    registrations.services.set(clockifyClientsKey.id, { plugin: 'kernel', value: clients });
  } catch (error) {
    await release();
    throw error;
  }
  return { store, redis, release };
}

/** The client factory; a workspace assigned to an unknown rate-limit plan is a configuration error. */
function openClockifyClients(config: AddonConfig, dependencies: Omit<ClockifyClientsOptions, 'config'>): ClockifyClients {
  try {
    return createClockifyClients({ ...dependencies, config: config.clockify });
  } catch (cause) {
    throw new AddonError('CONFIG_INVALID', (cause as Error).message, { file: config.source, path: 'clockify' }, { cause });
  }
}
