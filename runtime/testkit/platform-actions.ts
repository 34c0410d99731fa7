import type { RawClockifyClaims } from '../clockify/claims.js';
import type { LifecycleType } from '../clockify/events.js';
import type { Dataset } from './dataset.js';
import { type Delivery, postJson } from './deliveries.js';
import { isManifest, type SimulatedInstallation } from './installation.js';
import type { TokenMinter } from './mint-token.js';
import { idFor } from './prng.js';
import { SimulatorError } from './simulator-error.js';

export interface PlatformState {
  installation?: SimulatedInstallation;
  /** addonIds of uninstalled installations: their tokens no longer call the API. */
  readonly retired: Set<string>;
  /** The addonId the next (or current) installation has. */
  addonId: string;
}

export interface InstallOptions {
  /** How INSTALLED names each webhook: the full URL as Clockify's sample shows (default) or the manifest path. */
  webhookPaths?: 'url' | 'path';
}

export interface SettingValue {
  id: string;
  name?: string;
  value: string | number | boolean | string[];
}

export interface PlatformDependencies {
  state: PlatformState;
  dataset: Dataset;
  minter: TokenMinter;
  apiUrl: string;
  deliveries: Delivery[];
  newDeliveryId(): string;
}

/** What Clockify does to an add-on from its side: install it, switch it off and on, change settings, uninstall it. */
export function createPlatformActions(dependencies: PlatformDependencies) {
  const { state, dataset, minter, apiUrl } = dependencies;
  const workspaceId = dataset.workspaceId;

  const call = async (type: LifecycleType, installation: SimulatedInstallation, body: Record<string, unknown>) => {
    const entry = installation.manifest.lifecycle.find((candidate) => candidate.type === type);
    if (!entry) return undefined;
    const token = await minter.lifecycleToken({ addonId: installation.addonId, sub: installation.manifest.key });
    const url = `${installation.manifest.baseUrl.replace(/\/+$/, '')}${entry.path}`;
    const delivery = await postJson(dependencies.deliveries, {
      kind: 'lifecycle',
      name: type,
      url,
      headers: { 'X-Addon-Lifecycle-Token': token },
      body,
      id: dependencies.newDeliveryId(),
    });
    if (delivery.status < 200 || delivery.status > 299) {
      throw new SimulatorError(
        'LIFECYCLE_REJECTED',
        `${type} to ${url} answered ${delivery.status || 'nothing'}: ${delivery.responseText.slice(0, 300)}`,
      );
    }
    return delivery;
  };

  const current = (): SimulatedInstallation => {
    if (!state.installation) throw new SimulatorError('NOT_INSTALLED');
    return state.installation;
  };

  return {
    /** Reads the add-on's manifest and POSTs INSTALLED with fresh tokens; installing again repeats INSTALLED. */
    async install(addonBaseUrl: string, { webhookPaths = 'url' }: InstallOptions = {}): Promise<SimulatedInstallation> {
      const manifest = await readManifest(addonBaseUrl);
      const addonId = state.addonId;
      const base = manifest.baseUrl.replace(/\/+$/, '');
      const webhooks = await Promise.all(
        (manifest.webhooks ?? []).map(async ({ event, path }) => {
          const id = idFor(dataset.seed, addonId, 'webhook', event, path);
          // `jti` makes each webhook's signature distinct, as Clockify's are; the add-on must match them per path.
          const token = await minter.webhookToken({ addonId, sub: manifest.key, jti: id });
          return { id, event, path, url: `${base}${path}`, token, state: 'enabled' as const };
        }),
      );
      const installation: SimulatedInstallation = {
        addonId,
        manifest: { ...manifest, lifecycle: manifest.lifecycle ?? [], webhooks: manifest.webhooks ?? [] },
        authToken: await minter.installationToken({ addonId, sub: manifest.key }),
        addonUserId: idFor(dataset.seed, addonId, 'addon-user'),
        status: 'ACTIVE',
        webhooks,
      };
      const previous = state.installation;
      state.installation = installation;
      try {
        await call('INSTALLED', installation, {
          addonId,
          authToken: installation.authToken,
          workspaceId,
          asUser: dataset.ownerId,
          apiUrl,
          addonUserId: installation.addonUserId,
          webhooks: webhooks.map((webhook) => ({
            path: webhookPaths === 'url' ? webhook.url : webhook.path,
            webhookType: 'ADDON',
            authToken: webhook.token,
          })),
        });
      } catch (error) {
        state.installation = previous;
        throw error;
      }
      return installation;
    },
    async setStatus(status: 'ACTIVE' | 'INACTIVE'): Promise<void> {
      const installation = current();
      installation.status = status;
      await call('STATUS_CHANGED', installation, { addonId: installation.addonId, workspaceId, status });
    },
    async updateSettings(settings: readonly SettingValue[]): Promise<void> {
      const installation = current();
      const body = settings.map(({ id, name = id, value }) => ({ id, name, value }));
      await call('SETTINGS_UPDATED', installation, { workspaceId, addonId: installation.addonId, settings: body });
    },
    /** Takes effect even when the add-on answers an error (Clockify removes it either way); the error is thrown after. */
    async uninstall(): Promise<void> {
      const installation = current();
      state.installation = undefined;
      state.retired.add(installation.addonId);
      state.addonId = idFor(dataset.seed, 'addon', state.retired.size + 1);
      await call('DELETED', installation, { addonId: installation.addonId, workspaceId, asUser: dataset.ownerId });
    },
    /** A user token for the sidebar or an API call as that user (the owner unless `user` is given). */
    userToken(overrides: Partial<RawClockifyClaims> = {}): Promise<string> {
      const sub = state.installation?.manifest.key;
      return minter.userToken({ addonId: state.addonId, ...(sub ? { sub } : {}), ...overrides });
    },
  };
}

export type PlatformActions = ReturnType<typeof createPlatformActions>;

async function readManifest(addonBaseUrl: string) {
  const url = `${addonBaseUrl.replace(/\/+$/, '')}/manifest`;
  let body: unknown;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    body = response.ok ? await response.json() : `HTTP ${response.status}`;
  } catch (error) {
    body = (error as Error).message;
  }
  if (!isManifest(body))
    throw new SimulatorError('MANIFEST_UNREADABLE', `${url}: ${typeof body === 'string' ? body : 'no key or baseUrl'}`);
  return body;
}
