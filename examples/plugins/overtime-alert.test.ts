import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationsKey } from '../../runtime/index.js';
import { startTestEnvironment, type TestEnvironment } from '../../runtime/testkit/index.js';
import { createTokenMinter, type TokenMinter } from '../../runtime/testkit/mint-token.js';
import { repoRoot } from '../../tests/helpers/default-manifest.js';
import { startTestAddon, type TestAddon } from '../../tests/helpers/start-addon.js';

const WORKSPACE = 'ws-overtime';
const TAG = 'tag-overtime';

interface ApiCall {
  method: string;
  path: string;
  token?: string;
  body: Record<string, unknown>;
}

/** Plays the one Clockify endpoint the example calls. */
async function startFakeApi(calls: ApiCall[]) {
  const app = new Hono();
  app.put('/api/v1/workspaces/:workspaceId/time-entries/:id', async (c) => {
    calls.push({ method: 'PUT', path: c.req.path, token: c.req.header('x-addon-token'), body: await c.req.json() });
    return c.json({ id: c.req.param('id') });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the overtime-alert example, from YAML to an API call', () => {
  const calls: ApiCall[] = [];
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let minter: TokenMinter;
  let test: TestAddon;
  let signature: string;
  let installationToken: string;

  beforeAll(async () => {
    api = await startFakeApi(calls);
    minter = await createTokenMinter({ addonKey: 'test-addon', workspaceId: WORKSPACE, addonId: 'addon-1' });
    // The plugins section as a user writes it in addon.config.yaml: built-ins by name, the example by path.
    test = await startTestAddon({
      baseDir: repoRoot,
      config: {
        auth: { publicKeys: [minter.publicKeyPem] },
        clockify: { devHosts: ['127.0.0.1:*'] },
        plugins: [
          { use: 'auth' },
          { use: 'webhooks', options: { dispatch: { pollIntervalMs: 20 } } },
          { use: './examples/plugins/overtime-alert.ts', options: { maxHours: 8, tagId: TAG } },
        ],
      },
    });
    signature = await minter.webhookToken();
    installationToken = await minter.installationToken();
    await test.addon.inject(installationsKey).save({
      workspaceId: WORKSPACE,
      addonId: 'addon-1',
      status: 'ACTIVE',
      authToken: installationToken,
      apiUrl: api.apiUrl,
      webhookTokens: { '/webhooks/timer-stopped': signature },
      installedAt: new Date(),
      updatedAt: new Date(),
    });
  });

  afterAll(async () => {
    await test?.close();
    await api?.close();
  });

  const stopped = (id: string, hours: number, tagIds: string[] = ['tag-a']) => ({
    id,
    workspaceId: WORKSPACE,
    userId: 'user-1',
    description: 'long day',
    billable: true,
    projectId: 'project-1',
    taskId: null,
    tagIds,
    timeInterval: {
      start: '2026-03-02T08:00:00Z',
      end: new Date(Date.parse('2026-03-02T08:00:00Z') + hours * 3_600_000).toISOString(),
      duration: `PT${hours}H`,
    },
  });

  const deliver = (body: unknown) =>
    fetch(`${test.url}/webhooks/timer-stopped`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Clockify-Signature': signature, 'Clockify-Webhook-Event-Type': 'TIMER_STOPPED' },
      body: JSON.stringify(body),
    });

  it('subscribes to TIMER_STOPPED and asks for the write scope in the manifest', () => {
    const manifest = test.addon.manifest();
    expect(manifest.webhooks).toEqual([{ event: 'TIMER_STOPPED', path: '/webhooks/timer-stopped' }]);
    expect(manifest.scopes).toContain('TIME_ENTRY_WRITE');
  });

  it('tags an entry longer than maxHours through the API, as the installation', async () => {
    expect((await deliver(stopped('te-long', 9.5))).status).toBe(200);
    await expect.poll(() => calls.length).toBe(1);
    expect(calls[0]).toEqual({
      method: 'PUT',
      path: `/api/v1/workspaces/${WORKSPACE}/time-entries/te-long`,
      token: installationToken,
      body: {
        start: '2026-03-02T08:00:00Z',
        end: '2026-03-02T17:30:00.000Z',
        description: 'long day',
        billable: true,
        projectId: 'project-1',
        tagIds: ['tag-a', TAG],
      },
    });
  });

  it('leaves short and already tagged entries alone', async () => {
    const before = calls.length;
    const short = (await (await deliver(stopped('te-short', 2))).json()) as { id: number };
    const tagged = (await (await deliver(stopped('te-tagged', 12, [TAG]))).json()) as { id: number };
    for (const { id } of [short, tagged]) {
      await expect
        .poll(async () => (await test.addon.store.em().getKnex()('webhook_event').where({ id }).first('state'))?.state)
        .toBe('handled');
    }
    expect(calls).toHaveLength(before);
  });
});

describe('the overtime-alert example against the Clockify simulator', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({
      baseDir: repoRoot,
      config: {
        // Reading the entry back (below) needs the read scope: Clockify's WRITE scopes do not include READ.
        scopes: ['TIME_ENTRY_READ'],
        plugins: [
          { use: 'webhooks', options: { dispatch: { pollIntervalMs: 20 } } },
          { use: './examples/plugins/overtime-alert.ts', options: { maxHours: 8, tagId: TAG } },
        ],
      },
    });
  });
  afterAll(() => env?.close());

  it('is installed with its webhook, receives a signed TIMER_STOPPED and tags the simulated entry', async () => {
    // A generated delivery names a real entry of the simulated workspace; the same entry, stopped after 12 hours, follows.
    const [generated] = await env.simulator.sendWebhook('TIMER_STOPPED');
    const entry = generated?.body as { id: string; tagIds: string[] | null; timeInterval: { start: string } };
    const start = Date.parse(entry.timeInterval.start);
    const long = {
      ...entry,
      tagIds: [],
      timeInterval: { start: entry.timeInterval.start, end: new Date(start + 12 * 3_600_000).toISOString(), duration: 'PT12H' },
    };
    const [delivery] = await env.simulator.sendWebhook('TIMER_STOPPED', long);
    expect(delivery?.status).toBe(200);
    expect(JSON.parse(delivery?.responseText ?? '{}')).toMatchObject({ status: 'accepted' });

    const updated = () =>
      env.simulator.requests.filter((request) => request.operationId === 'updateTimeEntry' && request.path.endsWith(entry.id));
    await expect.poll(() => updated().map((request) => request.status)).toContain(200);
    const token = env.simulator.installation?.authToken ?? '';
    const stored = await fetch(`${env.simulator.apiUrl}/v1/workspaces/${env.simulator.workspaceId}/time-entries/${entry.id}`, {
      headers: { 'X-Addon-Token': token },
    });
    expect(((await stored.json()) as { tagIds: string[] }).tagIds).toContain(TAG);
  });
});
