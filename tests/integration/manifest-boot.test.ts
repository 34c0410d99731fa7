import { describe, expect, it } from 'vitest';
import { AddonError, definePlugin, type ManifestContribution, WEBHOOK_EVENTS } from '../../runtime/index.js';
import { createTestAddon, type StartTestAddonOptions, startTestAddon } from '../helpers/start-addon.js';

/** An inline plugin whose only job is to contribute manifest entries. */
function contributing(name: string, contribution: ManifestContribution) {
  return { plugin: definePlugin({ name, manifest: () => contribution, setup() {} }) };
}

const hooks = contributing('hooks', {
  scopes: ['TIME_ENTRY_READ'],
  lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }],
  webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
});

async function bootFailure(options: StartTestAddonOptions): Promise<AddonError> {
  const error = await createTestAddon(options).then(
    async ({ addon }) => {
      await addon.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof AddonError)) throw new Error(`expected the boot to fail with an AddonError, got ${String(error)}`);
  return error;
}

describe('the generated manifest at boot', () => {
  it('is served at GET /manifest over HTTP, with ADDON_BASE_URL as its baseUrl', async () => {
    const test = await startTestAddon({
      config: {
        scopes: ['USER_READ'],
        components: [{ type: 'sidebar', accessLevel: 'EVERYONE', path: '/ui/sidebar', label: 'Test' }],
        settings: '/settings',
      },
      plugins: [hooks],
      env: { ADDON_BASE_URL: 'https://public.example.com/' },
    });
    try {
      const response = await fetch(`${test.url}/manifest`);
      expect(response.status).toBe(200);
      const served = await response.json();
      expect(served).toEqual(test.addon.manifest());
      expect(served).toEqual({
        schemaVersion: '1.6',
        key: 'test-addon',
        name: 'Test Add-on',
        baseUrl: 'https://public.example.com',
        minimalSubscriptionPlan: 'FREE',
        scopes: ['USER_READ', 'TIME_ENTRY_READ'],
        lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }],
        webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
        components: [{ type: 'sidebar', accessLevel: 'EVERYONE', path: '/ui/sidebar', label: 'Test' }],
        settings: '/settings',
      });
    } finally {
      await test.close();
    }
  });

  it('fails with MANIFEST_INVALID on an unknown scope in the YAML, naming its path and the scopes there are', async () => {
    const error = await bootFailure({ config: { scopes: ['USER_READ', 'TIME_ENTRIES_READ'] } });
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toMatch(/scopes\[1\]: "TIME_ENTRIES_READ" is not a Clockify scope \(did you mean "TIME_ENTRY_READ"\?\)/);
    expect(error.message).toMatch(/allowed: CLIENT_READ, CLIENT_WRITE, .*TIME_OFF_WRITE/);
  });

  it('fails with MANIFEST_INVALID on a webhook event schema 1.3 lacks, naming the plugin, the path and the 1.3 events', async () => {
    const clients = contributing('clients', { webhooks: [{ event: 'CLIENT_DELETED', path: '/webhooks/client-deleted' }] });
    const error = await bootFailure({
      config: { schemaVersion: '1.3', components: [{ type: 'sidebar', accessLevel: 'ADMINS', path: '/ui', label: 'Ui' }] },
      plugins: [clients],
    });
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain(
      'webhooks[0].event contributed by plugin "clients": "CLIENT_DELETED" is not a webhook event in schema 1.3',
    );
    expect(error.message).toContain('schemas 1.2, 1.5, 1.6 have it');
    expect(error.message).toMatch(/allowed: APPROVAL_REQUEST_STATUS_UPDATED, BALANCE_UPDATED, .*USER_JOINED_WORKSPACE/);
    expect(error.message).not.toMatch(/allowed: .*USER_UPDATED/);
  });

  it('fails with MANIFEST_INVALID when a plugin contributes 11 webhooks, explaining how to choose', async () => {
    const chatty = contributing('chatty', {
      webhooks: WEBHOOK_EVENTS.slice(0, 11).map((event) => ({ event, path: `/webhooks/${event.toLowerCase()}` })),
    });
    const error = await bootFailure({ plugins: [chatty] });
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain('webhooks contributed by plugin "chatty": 11 webhooks, but Clockify accepts at most 10 per add-on');
    expect(error.message).toMatch(/handle fewer events .* or list only the events to subscribe to in addon\.config\.yaml/);
  });

  it('fails with MANIFEST_INVALID on a component type the declared version lacks, at its YAML path', async () => {
    const error = await bootFailure({
      config: { schemaVersion: '1.3', components: [{ type: 'invoices.action', accessLevel: 'ADMINS', path: '/ui', label: 'Ui' }] },
    });
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toMatch(
      /components\[0\]\.type: "invoices\.action" is not a component type in schema 1\.3 .*; allowed: sidebar, widget/,
    );
  });
});
