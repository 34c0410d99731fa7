import { describe, expect, it } from 'vitest';
import { thrownAddonError } from '../../tests/helpers/thrown.js';
import { buildConfig } from '../config/index.js';
import { buildManifest, type NamedContribution } from './build-manifest.js';

function config(overrides: Record<string, unknown> = {}) {
  return buildConfig(
    { key: 'my-addon', name: 'My Add-on', baseUrl: 'https://addon.example.com/', plugins: [], scopes: ['USER_READ'], ...overrides },
    { env: {}, source: '/srv/addon.config.yaml' },
  );
}

describe('buildManifest', () => {
  it('merges the YAML with each contribution, keeping one copy of identical entries', () => {
    const contributions: NamedContribution[] = [
      { plugin: 'lifecycle', lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }], scopes: ['USER_READ'] },
      {
        plugin: 'webhooks',
        scopes: ['TIME_ENTRY_READ'],
        lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }],
        webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
      },
    ];
    const manifest = buildManifest(config(), contributions);
    expect(manifest).toMatchObject({
      schemaVersion: '1.6',
      baseUrl: 'https://addon.example.com',
      scopes: ['USER_READ', 'TIME_ENTRY_READ'],
      lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }],
      webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
      components: [],
    });
  });

  it('rejects an unknown scope in the YAML at its YAML path', () => {
    const error = thrownAddonError(() => buildManifest(config({ scopes: ['USER_READ', 'TIME_ENTRIES_READ'] }), []));
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain('in /srv/addon.config.yaml');
    expect(error.message).toMatch(/scopes\[1\]: "TIME_ENTRIES_READ" is not a Clockify scope .*; allowed: CLIENT_READ/);
  });

  it('names the plugin and the path inside its contribution for a problem a plugin brought', () => {
    const contributions: NamedContribution[] = [
      { plugin: 'first', scopes: ['USER_READ'] },
      { plugin: 'widgets', components: [{ type: 'widget', accessLevel: 'EVERYONE', path: 'widget', label: 'Widget' }] },
    ];
    const error = thrownAddonError(() => buildManifest(config(), contributions));
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain('components[0].path contributed by plugin "widgets": must start with "/"');
  });

  it('reports two plugins that claim the same lifecycle type with different paths, naming both', () => {
    const contributions: NamedContribution[] = [
      { plugin: 'lifecycle', lifecycle: [{ type: 'DELETED', path: '/lifecycle/deleted' }] },
      { plugin: 'cleanup', lifecycle: [{ type: 'DELETED', path: '/cleanup' }] },
    ];
    const error = thrownAddonError(() => buildManifest(config(), contributions));
    expect(error.message).toContain(
      'lifecycle[0] contributed by plugin "cleanup": a lifecycle entry of type "DELETED" is already declared at lifecycle[0] contributed by plugin "lifecycle"',
    );
  });
});
