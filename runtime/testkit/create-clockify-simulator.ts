import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { RawClockifyClaims } from '../clockify/claims.js';
import type { WebhookEventName } from '../clockify/events.js';
import { mountApi } from './api-app.js';
import { mountControlRoutes } from './control-routes.js';
import { createDataset, type DataSizes } from './dataset.js';
import type { Delivery } from './deliveries.js';
import { createFaultInjector, type Faults } from './faults.js';
import { listAddonWebhooks, type SimulatedInstallation, type SubscriptionState } from './installation.js';
import { generateKeyPairPem, type KeyPairPem } from './key-pair-pem.js';
import { createTokenMinter, type TokenMinter } from './mint-token.js';
import { planOperations } from './operation-plan.js';
import { createPlatformActions, type InstallOptions, type PlatformState, type SettingValue } from './platform-actions.js';
import { idFor } from './prng.js';
import { createRenderer } from './render.js';
import type { ApiRequestRecord } from './request-log.js';
import { type BatchItem, createWebhookSender, type SendWebhookOptions } from './send-webhook.js';
import { loadSharedOpenApi } from './shared-openapi.js';
import { createApiTokenVerifier } from './verify-api-token.js';
import { warmLists } from './warm-lists.js';
import { createWorkspaceLimiter } from './workspace-limiter.js';

export interface ClockifySimulatorOptions extends Faults {
  /** Same seed, same workspace, ids and data (default 1). */
  seed?: number;
  sizes?: DataSizes;
  /** Requests per second per workspace before 429 (default 50, Clockify's add-on limit). */
  rateLimitPerSecond?: number;
  /** The OpenAPI document whose operations are served (default ./openapi.json, resolved against the working directory). */
  openapiPath?: string;
  /** The `sub` of tokens minted before an add-on is installed; installing uses the manifest's key. */
  addonKey?: string;
  /** Scopes granted while no add-on is installed (default: all); once installed, the manifest's scopes count. */
  scopes?: readonly string[];
  /** Signs with this key pair (e.g. one kept on disk by `loadOrCreateKeyPair`) instead of a new one. */
  keyPair?: KeyPairPem;
  /** Default 0: an ephemeral port on 127.0.0.1. */
  port?: number;
}

export interface ClockifySimulator {
  readonly url: string;
  /** `${url}/api`: what INSTALLED gives as `apiUrl` and tokens carry as `backendUrl`. */
  readonly apiUrl: string;
  readonly minter: TokenMinter;
  readonly publicKeyPem: string;
  readonly workspaceId: string;
  /** The workspace owner, who installs the add-on and is the `user` of installation tokens. */
  readonly ownerId: string;
  /** The current installation's id (or the one the next install will get). */
  readonly addonId: string;
  readonly installation: SimulatedInstallation | undefined;
  /** Every API request answered, in arrival order. */
  readonly requests: ApiRequestRecord[];
  /** Every lifecycle call and webhook delivery made to the add-on. */
  readonly deliveries: Delivery[];
  install(addonBaseUrl: string, options?: InstallOptions): Promise<SimulatedInstallation>;
  setStatus(status: 'ACTIVE' | 'INACTIVE'): Promise<void>;
  updateSettings(settings: readonly SettingValue[]): Promise<void>;
  uninstall(): Promise<void>;
  sendWebhook(event: WebhookEventName, body?: unknown, options?: SendWebhookOptions): Promise<Delivery[]>;
  sendWebhooks(batch: readonly BatchItem[], options?: { order?: readonly number[] }): Promise<Delivery[]>;
  /** Marks a manifest webhook as missing from, or disabled in, Clockify's subscription list. */
  setWebhookState(event: WebhookEventName, state: SubscriptionState): void;
  userToken(overrides?: Partial<RawClockifyClaims>): Promise<string>;
  /** Renders every record a bootstrap would list, ahead of the requests (benchmarks); answers how many. */
  warmLists(): number;
  /** Changes latency, jitter, error rate, 429 bursts or the rate limit from now on. */
  inject(faults: Faults & { rateLimitPerSecond?: number }): void;
  close(): Promise<void>;
}

/** A local Clockify: the API from generated data, the platform's lifecycle calls and webhooks (DESIGN.md, "Clockify simulator"). */
export async function createClockifySimulator(options: ClockifySimulatorOptions = {}): Promise<ClockifySimulator> {
  const { seed = 1, sizes, rateLimitPerSecond = 50, openapiPath = './openapi.json', addonKey, scopes, port = 0 } = options;
  const openapi = await loadSharedOpenApi(openapiPath);
  const dataset = createDataset({ seed, sizes });
  const keys = options.keyPair ?? generateKeyPairPem();
  const state: PlatformState = { retired: new Set(), addonId: idFor(seed, 'addon', 1) };
  const requests: ApiRequestRecord[] = [];
  const deliveries: Delivery[] = [];
  const faults = createFaultInjector(seed, options);
  const limiter = createWorkspaceLimiter(rateLimitPerSecond);
  const app = new Hono();
  const plans = planOperations(openapi.index, openapi.bundled);
  const renderer = createRenderer({ doc: openapi.bundled, seed, anchorMs: dataset.anchorMs });
  mountApi(app, {
    openapi,
    plans,
    dataset,
    renderer,
    verify: await createApiTokenVerifier({
      publicKeyPem: keys.publicKeyPem,
      addonKey: () => state.installation?.manifest.key ?? addonKey,
      isRetired: (id) => state.retired.has(id),
    }),
    limiter,
    faults,
    requests,
    grantedScopes: () => state.installation?.manifest.scopes ?? scopes,
    listWebhooks: (workspaceId, addonId) => listAddonWebhooks(state.installation, workspaceId, addonId),
  });
  const server = await listenLocally(app, port);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = `${url}/api`;
  const minter = await createTokenMinter({
    addonKey: addonKey ?? 'simulated-addon',
    workspaceId: dataset.workspaceId,
    addonId: state.addonId,
    backendUrl: apiUrl,
    ownerUserId: dataset.ownerId,
    ...keys,
  });
  let deliveryCount = 0;
  const newDeliveryId = () => idFor(seed, 'delivery', ++deliveryCount);
  const platform = createPlatformActions({ state, dataset, minter, apiUrl, deliveries, newDeliveryId });
  const webhooks = createWebhookSender({ state, dataset, deliveries, newDeliveryId });
  const describe = () => ({
    url,
    apiUrl,
    workspaceId: dataset.workspaceId,
    addonId: state.addonId,
    installed: Boolean(state.installation),
    status: state.installation?.status,
  });
  mountControlRoutes(app, { describe, webhooks });

  return {
    url,
    apiUrl,
    minter,
    publicKeyPem: keys.publicKeyPem,
    workspaceId: dataset.workspaceId,
    ownerId: dataset.ownerId,
    get addonId() {
      return state.addonId;
    },
    get installation() {
      return state.installation;
    },
    requests,
    deliveries,
    warmLists: () => warmLists(openapi, { plans, dataset, renderer }),
    ...platform,
    sendWebhook: webhooks.send,
    sendWebhooks: webhooks.sendBatch,
    setWebhookState(event, subscription) {
      for (const webhook of state.installation?.webhooks ?? []) if (webhook.event === event) webhook.state = subscription;
    },
    inject({ rateLimitPerSecond: limit, ...rest }) {
      faults.inject(rest);
      if (limit !== undefined) limiter.setLimit(limit);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function listenLocally(app: Hono, port: number): Promise<Server> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
