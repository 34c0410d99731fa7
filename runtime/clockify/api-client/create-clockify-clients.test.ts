import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeClockifyApi, startFakeClockifyApi } from '../../../tests/helpers/fake-clockify-api.js';
import { createTestAddon, startTestAddon } from '../../../tests/helpers/start-addon.js';
import { AddonError, definePlugin } from '../../index.js';
import { type InstallationRecord, installationsKey } from '../installations.js';
import { clockifyClientsKey } from './create-clockify-clients.js';

const TOKEN = 'kernel-installation-secret';
let api: FakeClockifyApi;
beforeAll(async () => {
  api = await startFakeClockifyApi();
});
afterAll(() => api.close());

/** Closes an add-on made with createTestAddon and removes its data folder. */
async function dispose(test: { addon: { close(): Promise<void> }; dataDir: string }): Promise<void> {
  await test.addon.close();
  rmSync(test.dataDir, { recursive: true, force: true });
}

function installation(workspaceId: string, apiUrl = api.apiUrl): InstallationRecord {
  const now = new Date();
  return {
    workspaceId,
    addonId: `addon-${workspaceId}`,
    status: 'ACTIVE',
    authToken: TOKEN,
    apiUrl,
    webhookTokens: {},
    installedAt: now,
    updatedAt: now,
  };
}

describe('the kernel’s Clockify clients', () => {
  it('gives a plugin clients for stored installations, metered on the kernel’s registry', async () => {
    const probe = definePlugin({
      name: 'probe',
      setup(ctx) {
        ctx.route(
          'GET',
          '/probe/:workspaceId',
          async (c) => {
            const client = await ctx.inject(clockifyClientsKey).forWorkspace(c.req.param('workspaceId') ?? '');
            const { status, body } = await client.get('/v1/workspaces/{workspaceId}/tags', { operationId: 'getTags' });
            return c.json({ status, body });
          },
          { auth: 'none' },
        );
      },
    });
    const test = await startTestAddon({ config: { clockify: { devHosts: ['127.0.0.1:*'] } }, plugins: [{ plugin: probe }] });
    try {
      await test.addon.inject(installationsKey).save(installation('ws-kernel'));
      const answer = await (await fetch(`${test.url}/probe/ws-kernel`)).json();
      expect(answer).toMatchObject({ status: 200, body: { path: '/api/v1/workspaces/ws-kernel/tags' } });
      expect(api.requests.at(-1)?.token).toBe(TOKEN);
      const metrics = await test.addon.registry.metrics();
      expect(metrics).toContain('addon_clockify_requests_total{operation="getTags",status="200"} 1');
      expect(test.addon.inject(clockifyClientsKey).governor.stats()).toMatchObject({ backend: 'memory', acquired: 1 });

      const missing = await fetch(`${test.url}/probe/ws-unknown`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('CLOCKIFY_NOT_INSTALLED');
      expect(test.logs.text()).not.toContain(TOKEN);
    } finally {
      await test.close();
    }
  });

  it('allows only Clockify’s hosts unless dev hosts are configured, in the YAML or CLOCKIFY_DEV_HOSTS', async () => {
    const strict = await createTestAddon();
    const fromEnv = await createTestAddon({ env: { CLOCKIFY_DEV_HOSTS: `localhost:1234,127.0.0.1:${api.port}` } });
    try {
      const refused = () => strict.addon.inject(clockifyClientsKey).forInstallation(installation('ws-strict'));
      expect(refused).toThrow(expect.objectContaining({ code: 'CLOCKIFY_HOST_NOT_ALLOWED' }));
      expect(fromEnv.addon.config.clockify.devHosts).toEqual(['localhost:1234', `127.0.0.1:${api.port}`]);
      const client = fromEnv.addon.inject(clockifyClientsKey).forInstallation(installation('ws-env'));
      expect((await client.get('/v1/user')).status).toBe(200);
    } finally {
      await dispose(strict);
      await dispose(fromEnv);
    }
  });

  it('fails to boot when a workspace is assigned to a rate-limit plan that does not exist', async () => {
    const failure = await createTestAddon({ config: { clockify: { rateLimit: { workspaces: { 'ws-1': 'gold' } } } } }).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(AddonError);
    expect(failure).toMatchObject({ code: 'CONFIG_INVALID', location: { path: 'clockify' } });
    expect(failure.message).toContain('no rate-limit plan named "gold"');
  });

  it('rejects a dev host that is not a host pattern at boot', async () => {
    const failure = await createTestAddon({ config: { clockify: { devHosts: ['http://127.0.0.1:8080'] } } }).catch((error) => error);
    expect(failure).toMatchObject({ code: 'CONFIG_INVALID' });
  });

  const redisUrl = process.env.TEST_REDIS_URL;
  it.skipIf(!redisUrl)('shares the rate governor through Redis when REDIS_URL is set', async () => {
    const test = await createTestAddon({ config: { redis: { url: redisUrl }, clockify: { devHosts: ['127.0.0.1:*'] } } });
    try {
      const clients = test.addon.inject(clockifyClientsKey);
      await clients.forInstallation(installation('ws-redis')).get('/v1/user');
      expect(clients.governor.stats()).toMatchObject({ backend: 'redis', acquired: 1, fallbacks: 0 });
    } finally {
      await dispose(test);
    }
  });
});
