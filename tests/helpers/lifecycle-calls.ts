import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LifecycleType } from '../../runtime/index.js';
import type { TokenMinter } from '../../runtime/testkit/mint-token.js';

/** Clockify's sample lifecycle bodies, kept outside the project (PLATFORM.md §4); never copied into it. */
const SAMPLES_DIR = fileURLToPath(new URL('../../../shared/clockify/samples/lifecycle/', import.meta.url));

export const samplesPresent = existsSync(SAMPLES_DIR);

/** Minimal shapes used when the samples folder is absent, so the rest of the suite still runs. */
const FALLBACK_BODIES: Record<LifecycleType, Record<string, unknown>> = {
  INSTALLED: { addonId: '', authToken: '', workspaceId: '', webhooks: [] },
  STATUS_CHANGED: { addonId: '', workspaceId: '', status: 'ACTIVE' },
  SETTINGS_UPDATED: { addonId: '', workspaceId: '', settings: [] },
  DELETED: { addonId: '', workspaceId: '' },
};

/** The sample body of a lifecycle type as Clockify documents it, or a minimal shape without the samples. */
export function sampleBody(type: LifecycleType): Record<string, unknown> {
  if (!samplesPresent) return structuredClone(FALLBACK_BODIES[type]);
  return JSON.parse(readFileSync(`${SAMPLES_DIR}${type}.json`, 'utf8')) as Record<string, unknown>;
}

export const LIFECYCLE_PATHS: Record<LifecycleType, string> = {
  INSTALLED: '/lifecycle/installed',
  DELETED: '/lifecycle/deleted',
  STATUS_CHANGED: '/lifecycle/status-changed',
  SETTINGS_UPDATED: '/lifecycle/settings-updated',
};

export interface SendOptions {
  /** Replaces the lifecycle token minted for the body's workspace and addonId. */
  token?: string;
  /** Sent instead of the JSON of the body. */
  rawBody?: string;
  /**
   * Closes the connection after the answer. For bodies the server refuses before reading them (413): the rest of
   * the body is left unread on that socket, so the pooled connection must not carry the next request.
   */
  closeConnection?: boolean;
}

export interface LifecycleClient {
  send(type: LifecycleType, body: Record<string, unknown>, options?: SendOptions): Promise<Response>;
}

/** Posts lifecycle calls the way Clockify does: JSON body, `X-Addon-Lifecycle-Token` minted for the body's ids. */
export function createLifecycleClient(baseUrl: string, minter: TokenMinter): LifecycleClient {
  return {
    async send(type, body, { token, rawBody, closeConnection = false } = {}) {
      const lifecycleToken =
        token ?? (await minter.lifecycleToken({ workspaceId: String(body.workspaceId), addonId: String(body.addonId) }));
      return fetch(`${baseUrl}${LIFECYCLE_PATHS[type]}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Addon-Lifecycle-Token': lifecycleToken,
          ...(closeConnection ? { Connection: 'close' } : {}),
        },
        body: rawBody ?? JSON.stringify(body),
      });
    },
  };
}
