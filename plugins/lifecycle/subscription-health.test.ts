import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { InstallationRecord, Installations } from '../../runtime/index.js';
import { captureLog } from '../../tests/helpers/capture-log.js';
import type { AddonWebhook, FetchAddonWebhooks } from './fetch-addon-webhooks.js';
import { SubscriptionCheckError } from './fetch-addon-webhooks.js';
import { createSubscriptionHealth, type SubscriptionHealthOptions } from './subscription-health.js';

const record = (workspaceId: string): InstallationRecord => ({
  workspaceId,
  addonId: `addon-${workspaceId}`,
  status: 'ACTIVE',
  authToken: 'installation-secret',
  apiUrl: 'https://api.example/api',
  webhookTokens: {},
  installedAt: new Date(),
  updatedAt: new Date(),
});

function memoryInstallations(...workspaceIds: string[]): Installations {
  const rows = new Map(workspaceIds.map((id) => [id, record(id)]));
  return {
    find: async (id) => rows.get(id) ?? null,
    save: async (row) => void rows.set(row.workspaceId, row),
    remove: async (id) => rows.delete(id),
    list: async () => [...rows.values()],
    setStatus: async () => false,
    setSettings: async () => false,
    retire: async () => false,
    isRetired: async () => false,
  };
}

const base = 'https://addon.example';
const expected = [
  { event: 'NEW_TAG', path: '/hooks/new-tag' },
  { event: 'NEW_PROJECT', path: '/hooks/new-project' },
  { event: 'NEW_CLIENT', path: '/hooks/new-client' },
];
const listing: AddonWebhook[] = [
  { webhookEvent: 'NEW_TAG', url: `${base}/hooks/new-tag`, enabled: true },
  { webhookEvent: 'NEW_PROJECT', url: `${base}/hooks/new-project`, enabled: false },
  { webhookEvent: 'NEW_TIMER_STARTED', url: `${base}/hooks/old`, enabled: true },
];

function setUp(fetchWebhooks: FetchAddonWebhooks, overrides: Partial<SubscriptionHealthOptions> = {}) {
  const registry = new Registry();
  const logs = captureLog();
  const health = createSubscriptionHealth({
    installations: memoryInstallations('w1', 'w2'),
    manifest: () => ({ baseUrl: base, webhooks: expected }),
    fetchWebhooks,
    log: logs.log,
    metrics: { registry, prefix: 'addon_lifecycle_' },
    delayMs: 0,
    timeoutMs: 1000,
    ...overrides,
  });
  const gauge = async () => {
    const metric = await registry.getSingleMetric('addon_lifecycle_webhook_subscriptions')?.get();
    return Object.fromEntries((metric?.values ?? []).map((value) => [value.labels.state, value.value]));
  };
  return { health, logs, gauge };
}

describe('createSubscriptionHealth', () => {
  it('reports missing and disabled webhooks in the report, a warning and the gauge', async () => {
    const { health, logs, gauge } = setUp(async () => ({ webhooks: listing, workspaceWebhookCount: 3 }));
    const report = await health.check('w1');
    expect(report).toMatchObject({ workspaceId: 'w1', status: 'degraded', installationStatus: 'ACTIVE', workspaceWebhookCount: 3 });
    expect(report?.webhooks.map((webhook) => webhook.state)).toEqual(['ok', 'disabled', 'missing']);
    expect(report?.unexpected).toEqual([listing[2]]);
    expect(health.latest('w1')).toBe(report);
    const warning = logs.records().find((line) => line.msg === 'webhook subscriptions missing or disabled');
    expect(warning).toMatchObject({ workspaceId: 'w1', missing: ['NEW_CLIENT'], disabled: ['NEW_PROJECT'] });
    expect(logs.text()).not.toContain('installation-secret');
    expect(await gauge()).toEqual({ ok: 1, missing: 1, disabled: 1, unexpected: 1, unknown: 0 });
  });

  it('reports a failed check as unavailable, with every webhook unknown', async () => {
    const { health, gauge } = setUp(async () => {
      throw new SubscriptionCheckError('API_REJECTED', 'HTTP 401 from api.example');
    });
    const report = await health.check('w1');
    expect(report).toMatchObject({ status: 'unavailable', error: { code: 'API_REJECTED' } });
    expect(await gauge()).toMatchObject({ unknown: 3, ok: 0 });
  });

  it('answers null for a workspace without an installation', async () => {
    const { health } = setUp(async () => ({ webhooks: [] }));
    expect(await health.check('nowhere')).toBeNull();
  });

  it('shares one check between concurrent callers', async () => {
    let calls = 0;
    const { health } = setUp(async () => {
      calls += 1;
      return { webhooks: listing };
    });
    const [first, second] = await Promise.all([health.check('w1'), health.check('w1')]);
    expect(first).toBe(second);
    expect(calls).toBe(1);
  });

  it('keeps no report for a workspace forgotten while its check was running', async () => {
    let release: () => void = () => undefined;
    const { health, gauge } = setUp(() => new Promise((resolve) => (release = () => resolve({ webhooks: listing }))));
    const running = health.check('w1');
    await new Promise((resolve) => setTimeout(resolve, 10));
    health.forget('w1');
    release();
    await running;
    expect(health.latest('w1')).toBeUndefined();
    expect(await gauge()).toMatchObject({ ok: 0, missing: 0 });
  });

  it('checks in the background after the delay, and not at all once closed', async () => {
    let calls = 0;
    const { health } = setUp(
      async () => {
        calls += 1;
        return { webhooks: listing };
      },
      { delayMs: 20 },
    );
    health.schedule('w1');
    health.schedule('w2');
    await health.close();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toBe(0);
    health.schedule('w1');
    await expect.poll(() => health.latest('w1')?.status).toBe('degraded');
  });

  it('makes no API call when the manifest lists no webhooks', async () => {
    let calls = 0;
    const { health } = setUp(
      async () => {
        calls += 1;
        return { webhooks: [] };
      },
      { manifest: () => ({ baseUrl: base, webhooks: [] }) },
    );
    expect(await health.check('w1')).toMatchObject({ status: 'ok', webhooks: [] });
    expect(calls).toBe(0);
  });
});
