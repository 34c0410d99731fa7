import authPlugin from '../../plugins/auth/index.js';
import webhooksPlugin from '../../plugins/webhooks/index.js';
import {
  createWebhookInbox,
  type InboxEvent,
  type InlinePlugin,
  type InstallationRecord,
  installationsKey,
  type WebhookEventName,
  type WebhookInbox,
} from '../../runtime/index.js';
import { createTokenMinter, type TokenMinter } from '../../runtime/testkit/mint-token.js';
import { startTestAddon, type TestAddon } from './start-addon.js';

export const WORKSPACE = 'ws-inbox';
export const ADDON_ID = 'addon-inbox';

export interface Delivery {
  status: number;
  json: { status?: string; id?: number; error?: { code: string; message: string } };
}

export interface DeliverOptions {
  workspaceId?: string;
  /** Another event in `clockify-webhook-event-type` than the route's. */
  eventHeader?: string;
  /** Another signature than the one stored for the route. */
  token?: string;
  /** Sent instead of the JSON of the body. */
  rawBody?: string;
  path?: string;
}

export interface InboxTestAddon extends TestAddon {
  minter: TokenMinter;
  inbox: WebhookInbox;
  /** Stores an installation with a distinct webhook token for every route of the manifest. */
  install(overrides?: Partial<InstallationRecord>): Promise<void>;
  /** Posts a delivery the way Clockify does, signed with the token stored for the event's route. */
  deliver(event: WebhookEventName, body: unknown, options?: DeliverOptions): Promise<Delivery>;
  pathOf(event: WebhookEventName): string;
  tokenFor(workspaceId: string, event: WebhookEventName): Promise<string>;
  /** Every event of the inbox, oldest first. */
  events(filter?: Parameters<WebhookInbox['list']>[0]): Promise<InboxEvent[]>;
  adminFetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface StartInboxOptions {
  databaseUrl?: string;
  plugins: InlinePlugin[];
  webhooks?: Record<string, unknown>;
  /** Plugins before the webhooks plugin (e.g. lifecycle); auth always comes first. */
  before?: InlinePlugin[];
  /** Merged into the add-on's config (e.g. a shared `security.encryptionKey` for a second instance). */
  config?: Record<string, unknown>;
  /** Another instance's minter, so both trust and sign with the same key. */
  minter?: TokenMinter;
}

/** An add-on with auth and webhooks (plus the given plugins) on a test database, with tokens minted for one workspace. */
export async function startInboxAddon(options: StartInboxOptions): Promise<InboxTestAddon> {
  const { databaseUrl, plugins, webhooks = {}, before = [], config = {} } = options;
  const minter = options.minter ?? (await createTokenMinter({ addonKey: 'test-addon', workspaceId: WORKSPACE, addonId: ADDON_ID }));
  const test = await startTestAddon({
    databaseUrl,
    config: { ...config, auth: { publicKeys: [minter.publicKeyPem] } },
    plugins: [
      { plugin: authPlugin, options: { rateLimit: { perIpPerSecond: 100_000, perWorkspacePerSecond: 100_000 } } },
      ...before,
      { plugin: webhooksPlugin, options: webhooks },
      ...plugins,
    ],
  });
  const inbox = createWebhookInbox(test.addon.store);
  const tokens = new Map<string, Promise<string>>();
  const paths = new Map(test.addon.manifest().webhooks.map(({ event, path }) => [event as WebhookEventName, path]));
  const pathOf = (event: WebhookEventName) => paths.get(event) ?? `/webhooks/${event.toLowerCase().replaceAll('_', '-')}`;
  const tokenFor = (workspaceId: string, event: WebhookEventName) => {
    const key = `${workspaceId} ${event}`;
    if (!tokens.has(key)) tokens.set(key, minter.webhookToken({ workspaceId, addonId: ADDON_ID, webhook: event }));
    return tokens.get(key) as Promise<string>;
  };
  return {
    ...test,
    minter,
    inbox,
    pathOf,
    tokenFor,
    async install(overrides = {}) {
      const workspaceId = overrides.workspaceId ?? WORKSPACE;
      const entries = await Promise.all([...paths].map(async ([event, path]) => [path, await tokenFor(workspaceId, event)] as const));
      await test.addon.inject(installationsKey).save({
        workspaceId,
        addonId: ADDON_ID,
        status: 'ACTIVE',
        authToken: await minter.installationToken({ workspaceId }),
        apiUrl: 'http://127.0.0.1:9/api',
        webhookTokens: Object.fromEntries(entries),
        installedAt: new Date(),
        updatedAt: new Date(),
        ...overrides,
      });
    },
    async deliver(event, body, options = {}) {
      const workspaceId = options.workspaceId ?? WORKSPACE;
      const response = await fetch(`${test.url}${options.path ?? pathOf(event)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Clockify-Signature': options.token ?? (await tokenFor(workspaceId, event)),
          'Clockify-Webhook-Event-Type': options.eventHeader ?? event,
        },
        body: options.rawBody ?? JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Delivery['json'] };
    },
    async events(filter = {}) {
      const { events } = await inbox.list({ limit: 500, ...filter });
      return events.reverse();
    },
    async adminFetch(path, init = {}) {
      const token = await minter.userToken({ workspaceId: WORKSPACE, workspaceRole: 'OWNER' });
      return fetch(`${test.url}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    },
  };
}
