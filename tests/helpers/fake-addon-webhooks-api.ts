import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface ListedWebhook {
  webhookEvent: string;
  url: string;
  enabled: boolean;
}

export interface Misbehaviour {
  status?: number;
  delayMs?: number;
  body?: string;
}

export interface FakeAddonWebhooksApi {
  /** The `apiUrl` to put in INSTALLED: `http://127.0.0.1:<port>/api`. */
  readonly apiUrl: string;
  /** What `GET …/addons/{addonId}/webhooks` answers for a workspace (an empty list until set). */
  setWebhooks(workspaceId: string, webhooks: ListedWebhook[]): void;
  /** Misbehaves on every listing: waits first, answers another status (e.g. 401) or another body; `{}` restores. */
  fail(behaviour: Misbehaviour): void;
  /** The requests received: path and the X-Addon-Token they carried. */
  readonly requests: { path: string; token: string | undefined }[];
  close(): Promise<void>;
}

/** Plays the one Clockify endpoint the lifecycle plugin calls (PLATFORM.md §6.5), on an ephemeral local port. */
export async function startFakeAddonWebhooksApi(): Promise<FakeAddonWebhooksApi> {
  const listings = new Map<string, ListedWebhook[]>();
  const requests: FakeAddonWebhooksApi['requests'] = [];
  let behaviour: Misbehaviour = {};
  const app = new Hono();
  app.get('/api/v1/workspaces/:workspaceId/addons/:addonId/webhooks', async (c) => {
    requests.push({ path: new URL(c.req.url).pathname, token: c.req.header('x-addon-token') });
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    if (behaviour.status) return c.json({ message: 'refused' }, behaviour.status as 401);
    if (behaviour.body !== undefined) return c.body(behaviour.body, 200, { 'Content-Type': 'application/json' });
    const webhooks = listings.get(c.req.param('workspaceId')) ?? [];
    return c.json({
      webhooks: webhooks.map((webhook, index) => ({ id: `wh-${index}`, ...webhook })),
      workspaceWebhookCount: webhooks.length,
    });
  });
  app.get('/api/redirect/*', (c) => c.redirect('http://elsewhere.invalid/'));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    setWebhooks: (workspaceId, webhooks) => listings.set(workspaceId, webhooks),
    fail: (next) => {
      behaviour = next;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
