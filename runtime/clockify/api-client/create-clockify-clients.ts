import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { AddonConfig } from '../../config/types.js';
import type { OperationIndex } from '../../openapi/types.js';
import { defineServiceKey } from '../../plugin/service-key.js';
import type { InstallationRecord, Installations } from '../installations.js';
import { ClockifyApiError } from './client-errors.js';
import { type ClockifyMetrics, createClockifyMetrics } from './client-metrics.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist, type HostAllowlist } from './host-allowlist.js';
import { createMemoryGovernor } from './memory-governor.js';
import type { RateGovernor } from './rate-governor.js';
import { createRedisGovernor } from './redis-governor.js';
import type { HttpRequest } from './send-attempt.js';
import type { ClockifyClient } from './types.js';

export interface ClientOverrides {
  /** Names calls after their operationId in metrics (a plugin that loaded the OpenAPI document passes its index). */
  operations?: Pick<OperationIndex, 'match'>;
}

/**
 * Clients that share the process's allowlist, rate governor and metrics: `ctx.inject(clockifyClientsKey)`.
 * A client is cheap; make one per installation and call, or keep one, as suits.
 */
export interface ClockifyClients {
  /** Calls as a stored installation: its `apiUrl` and token. */
  forInstallation(
    installation: Pick<InstallationRecord, 'workspaceId' | 'apiUrl' | 'authToken'>,
    overrides?: ClientOverrides,
  ): ClockifyClient;
  /** Looks the workspace's installation up; CLOCKIFY_NOT_INSTALLED when there is none. */
  forWorkspace(workspaceId: string, overrides?: ClientOverrides): Promise<ClockifyClient>;
  /** Calls with a verified token's `backendUrl` and the token itself (a user token acts with that user's rights). */
  forToken(credentials: { apiUrl: string; token: string; workspaceId: string }, overrides?: ClientOverrides): ClockifyClient;
  readonly allowlist: HostAllowlist;
  readonly governor: RateGovernor;
}

export interface ClockifyClientsOptions {
  config: AddonConfig['clockify'];
  installations: Installations;
  /** When given (REDIS_URL), the rate governor is shared by every instance through it. */
  redis?: Redis;
  registry?: Registry;
  log?: Logger;
  request?: HttpRequest;
}

export const clockifyClientsKey = defineServiceKey<ClockifyClients>('kernel.clockify-clients');

/** The kernel's client factory, built from the `clockify` section of the configuration. */
export function createClockifyClients({ config, installations, redis, registry, log, request }: ClockifyClientsOptions): ClockifyClients {
  const allowlist = createHostAllowlist({ hosts: config.allowedHosts, devHosts: config.devHosts });
  const { maxWaitMs, ...limits } = config.rateLimit;
  const governor = redis
    ? createRedisGovernor({ ...limits, redis, log: log?.child({ component: 'rate-governor' }) })
    : createMemoryGovernor(limits);
  const metrics: ClockifyMetrics | undefined = registry && createClockifyMetrics(registry);
  const shared = { allowlist, governor, metrics, log, request, maxWaitMs, timeoutMs: config.timeoutMs, retries: config.retries };
  return {
    forInstallation: (installation, overrides = {}) => createClockifyClient({ ...shared, ...overrides, installation }),
    async forWorkspace(workspaceId, overrides = {}) {
      const installation = await installations.find(workspaceId);
      if (!installation) throw new ClockifyApiError('CLOCKIFY_NOT_INSTALLED', `workspace ${workspaceId}`);
      return createClockifyClient({ ...shared, ...overrides, installation });
    },
    forToken: (credentials, overrides = {}) => createClockifyClient({ ...shared, ...overrides, ...credentials }),
    allowlist,
    governor,
  };
}
