import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, installationsKey, readJsonBody } from '../../runtime/index.js';
import { createClockifySimulator, SimulatorError, startTestEnvironment, type TestEnvironment } from '../../runtime/testkit/index.js';

interface Handled {
  entryId: string;
  apiStatus: number;
  apiEntryId?: string;
}

const handled: Handled[] = [];

/** A user's plugin: its own webhook route (until the webhooks plugin exists), an API call, a sidebar page. */
const notifier = definePlugin({
  name: 'entry-notifier',
  manifest: () => ({
    webhooks: [
      { event: 'NEW_TIME_ENTRY', path: '/hooks/new-time-entry' },
      { event: 'NEW_PROJECT', path: '/hooks/new-project' },
    ],
  }),
  setup(ctx) {
    const installations = ctx.inject(installationsKey);
    ctx.route(
      'POST',
      '/hooks/new-time-entry',
      async function newTimeEntry(c) {
        const entry = await readJsonBody<{ id: string }>(c);
        const installation = await installations.find(c.get('clockify').workspaceId);
        const response = await fetch(`${installation?.apiUrl}/v1/workspaces/${installation?.workspaceId}/time-entries/${entry.id}`, {
          headers: { 'X-Addon-Token': installation?.authToken ?? '' },
        });
        const body = (await response.json()) as { id?: string };
        handled.push({ entryId: entry.id, apiStatus: response.status, apiEntryId: body.id });
        return c.json({ received: true });
      },
      { auth: 'webhook', meta: { event: 'NEW_TIME_ENTRY' } },
    );
    ctx.route('POST', '/hooks/new-project', (c) => c.json({ received: true }), { auth: 'webhook', meta: { event: 'NEW_PROJECT' } });
    ctx.route('GET', '/ui/sidebar', (c) => c.json({ viewer: c.get('clockify').user }), { auth: 'user' });
  },
});

describe('the testkit loop: install, webhook, API call, uninstall', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({
      plugins: [{ plugin: notifier }],
      config: {
        scopes: ['TIME_ENTRY_READ'],
        // The refused deliveries below are expected; their warnings would only clutter the test output.
        log: { level: 'error' },
        components: [{ type: 'sidebar', accessLevel: 'EVERYONE', path: '/ui/sidebar', label: 'Notifier' }],
      },
      simulator: { sizes: { timeEntriesPerUser: 20 } },
    });
  });
  afterAll(() => env?.close());

  it('installs the add-on with its tokens, the simulated API URL and one distinct token per webhook', async () => {
    const [installed] = env.simulator.deliveries;
    expect(installed).toMatchObject({ kind: 'lifecycle', name: 'INSTALLED', status: 200 });
    const body = installed?.body as { webhooks: { path: string; authToken: string }[]; apiUrl: string };
    expect(body.apiUrl).toBe(env.simulator.apiUrl);
    expect(body.webhooks.map((webhook) => webhook.path)).toEqual([
      `${env.addonUrl}/hooks/new-time-entry`,
      `${env.addonUrl}/hooks/new-project`,
    ]);
    expect(new Set(body.webhooks.map((webhook) => webhook.authToken)).size).toBe(2);
    const stored = await env.addon.inject(installationsKey).find(env.simulator.workspaceId);
    expect(stored).toMatchObject({ addonId: env.simulator.addonId, status: 'ACTIVE', apiUrl: env.simulator.apiUrl });
  });

  it('delivers a webhook to its route, whose handler reads the entry through the API with the installation token', async () => {
    const [delivery] = await env.simulator.sendWebhook('NEW_TIME_ENTRY');
    expect(delivery).toMatchObject({ status: 200, name: 'NEW_TIME_ENTRY', url: `${env.addonUrl}/hooks/new-time-entry` });
    const entryId = (delivery?.body as { id: string } | undefined)?.id;
    expect(handled.at(-1)).toEqual({ entryId, apiStatus: 200, apiEntryId: entryId });
    expect(env.simulator.requests.at(-1)).toMatchObject({
      operationId: 'getTimeEntry',
      status: 200,
      workspaceId: env.simulator.workspaceId,
    });
  });

  it('opens the sidebar with a user token', async () => {
    const token = await env.simulator.userToken();
    const response = await fetch(`${env.addonUrl}/ui/sidebar?auth_token=${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ viewer: env.simulator.ownerId });
  });

  it('duplicates, replays and reorders deliveries', async () => {
    const copies = await env.simulator.sendWebhook('NEW_PROJECT', undefined, { duplicate: 2 });
    expect(copies.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
    expect(copies.slice(1).map((delivery) => delivery.repeatOf)).toEqual([copies[0]?.id, copies[0]?.id]);
    const [replay] = await env.simulator.sendWebhook('NEW_PROJECT', undefined, { replayOf: copies[0]?.id });
    expect(replay?.body).toEqual(copies[0]?.body);
    const batch = await env.simulator.sendWebhooks(
      [{ event: 'NEW_TIME_ENTRY' }, { event: 'NEW_PROJECT', body: { workspaceId: env.simulator.workspaceId } }],
      { order: [1, 0] },
    );
    expect(batch.map((delivery) => delivery.name)).toEqual(['NEW_PROJECT', 'NEW_TIME_ENTRY']);
  });

  it("lists the manifest's webhooks, one marked disabled and one missing", async () => {
    const listing = async () => {
      const response = await fetch(
        `${env.simulator.apiUrl}/v1/workspaces/${env.simulator.workspaceId}/addons/${env.simulator.addonId}/webhooks`,
        {
          headers: { 'X-Addon-Token': env.simulator.installation?.authToken ?? '' },
        },
      );
      return ((await response.json()) as { webhooks: { webhookEvent: string; enabled: boolean }[] }).webhooks;
    };
    expect(await listing()).toEqual([
      expect.objectContaining({ webhookEvent: 'NEW_TIME_ENTRY', enabled: true }),
      expect.objectContaining({ webhookEvent: 'NEW_PROJECT', enabled: true }),
    ]);
    env.simulator.setWebhookState('NEW_PROJECT', 'disabled');
    env.simulator.setWebhookState('NEW_TIME_ENTRY', 'missing');
    expect(await listing()).toEqual([expect.objectContaining({ webhookEvent: 'NEW_PROJECT', enabled: false })]);
    env.simulator.setWebhookState('NEW_PROJECT', 'enabled');
    env.simulator.setWebhookState('NEW_TIME_ENTRY', 'enabled');
  });

  it('refuses operations outside the installed scopes with 403', async () => {
    const headers = { 'X-Addon-Token': env.simulator.installation?.authToken ?? '' };
    const base = `${env.simulator.apiUrl}/v1/workspaces/${env.simulator.workspaceId}`;
    expect((await fetch(`${base}/clients`, { headers })).status).toBe(403);
    expect((await fetch(`${base}/user/${env.simulator.ownerId}/time-entries`, { headers })).status).toBe(200);
  });

  it('switches the add-on off and on and changes its settings', async () => {
    const installations = env.addon.inject(installationsKey);
    await env.simulator.setStatus('INACTIVE');
    expect((await installations.find(env.simulator.workspaceId))?.status).toBe('INACTIVE');
    await expect(env.simulator.sendWebhook('NEW_PROJECT')).rejects.toMatchObject({ code: 'ADDON_INACTIVE' });
    const [refused] = await env.simulator.sendWebhook('NEW_PROJECT', undefined, { force: true });
    expect(refused?.status).toBe(403);
    await env.simulator.setStatus('ACTIVE');
    await env.simulator.updateSettings([{ id: 'greeting', value: 'hello' }]);
    expect((await installations.find(env.simulator.workspaceId))?.settings).toEqual([{ id: 'greeting', name: 'greeting', value: 'hello' }]);
  });

  it('uninstalls: the installation is gone and its tokens stop working', async () => {
    const token = env.simulator.installation?.authToken ?? '';
    const addonId = env.simulator.addonId;
    await env.simulator.uninstall();
    expect(await env.addon.inject(installationsKey).find(env.simulator.workspaceId)).toBeNull();
    const response = await fetch(`${env.simulator.apiUrl}/v1/workspaces/${env.simulator.workspaceId}/time-entries/x`, {
      headers: { 'X-Addon-Token': token },
    });
    expect(response.status).toBe(401);
    await expect(env.simulator.sendWebhook('NEW_PROJECT')).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
    const reinstalled = await env.simulator.install(env.addonUrl);
    expect(reinstalled.addonId).not.toBe(addonId);
  });
});

describe('simulator errors', () => {
  it('names what went wrong with a stable code', async () => {
    const simulator = await createClockifySimulator();
    const addon = new Hono();
    addon.get('/manifest', (c) =>
      c.json({ key: 'k', baseUrl: addonUrl, lifecycle: [{ type: 'INSTALLED', path: '/installed' }], webhooks: [] }),
    );
    addon.post('/installed', (c) => c.json({ error: 'no' }, 500));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: addon.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    const addonUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(simulator.sendWebhook('NEW_TAG')).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
      await expect(simulator.install('http://127.0.0.1:1')).rejects.toMatchObject({ code: 'MANIFEST_UNREADABLE' });
      const rejected = await simulator.install(addonUrl).catch((error: unknown) => error);
      expect(rejected).toBeInstanceOf(SimulatorError);
      expect(rejected).toMatchObject({ code: 'LIFECYCLE_REJECTED', message: expect.stringContaining('500') });
      expect(simulator.installation).toBeUndefined();
    } finally {
      server.close();
      await simulator.close();
    }
  });

  it('refuses unknown events, unknown deliveries and unsubscribed events', async () => {
    const env = await startTestEnvironment({ plugins: [{ plugin: notifier }] });
    try {
      await expect(env.simulator.sendWebhook('NEW_TAG')).rejects.toMatchObject({ code: 'WEBHOOK_NOT_SUBSCRIBED' });
      await expect(env.simulator.sendWebhook('NEW_PROJECT', undefined, { replayOf: 'nope' })).rejects.toMatchObject({
        code: 'DELIVERY_UNKNOWN',
      });
      const unknown = await fetch(`${env.simulator.url}/_simulator/webhooks/NOT_AN_EVENT`, { method: 'POST' });
      expect([unknown.status, await unknown.json()]).toEqual([400, { error: expect.objectContaining({ code: 'UNKNOWN_EVENT' }) }]);
      const garbled = await fetch(`${env.simulator.url}/_simulator/webhooks/NEW_PROJECT`, { method: 'POST', body: '{' });
      expect([garbled.status, await garbled.json()]).toEqual([400, { error: expect.objectContaining({ code: 'INVALID_JSON' }) }]);
      const unsubscribed = await fetch(`${env.simulator.url}/_simulator/webhooks/NEW_TAG`, { method: 'POST' });
      expect([unsubscribed.status, await unsubscribed.json()]).toEqual([
        409,
        { error: expect.objectContaining({ code: 'WEBHOOK_NOT_SUBSCRIBED' }) },
      ]);
      const sent = await fetch(`${env.simulator.url}/_simulator/webhooks/NEW_PROJECT`, {
        method: 'POST',
        body: JSON.stringify({ duplicate: 1 }),
      });
      expect(((await sent.json()) as { deliveries: { status: number }[] }).deliveries.map((delivery) => delivery.status)).toEqual([
        200, 200,
      ]);
    } finally {
      await env.close();
    }
  });
});

describe('npm run dev', () => {
  it('boots the simulator and the add-on, installs it and prints a sidebar URL with a user token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'addon-dev-'));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(process.execPath, ['bin/addon.js', 'dev'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const sidebar = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sidebar URL within 60 s\n${stdout}\n${stderr}`)), 60_000);
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const found = /^Sidebar: (\S+auth_token=\S+)$/m.exec(stdout);
          if (found?.[1]) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        void exited.then((code) => reject(new Error(`dev exited with ${code}\n${stdout}\n${stderr}`)));
      });
      expect(stdout).toMatch(/Clockify simulator: http:\/\/127\.0\.0\.1:\d+/);
      expect((await fetch(sidebar)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
