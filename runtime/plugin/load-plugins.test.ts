import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../config/index.js';
import { AddonError } from '../errors/index.js';
import { definePlugin } from './define-plugin.js';
import { type InlinePlugin, loadPlugins } from './load-plugins.js';
import { orderPlugins } from './order-plugins.js';

const fixtures = fileURLToPath(new URL('../../tests/fixtures/plugins/', import.meta.url));

function config(plugins: unknown[]) {
  return buildConfig(
    { key: 'k-addon', name: 'n', baseUrl: 'https://a.example.com', plugins },
    { env: {}, source: '/app/addon.config.yaml', baseDir: fixtures },
  );
}

async function loadError(plugins: unknown[], inline: InlinePlugin[] = []): Promise<AddonError> {
  const error = await loadPlugins(config(plugins), inline).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AddonError)) throw new Error(`expected an AddonError, got ${String(error)}`);
  return error;
}

const plugin = (name: string, dependsOn?: string[]) => definePlugin({ name, dependsOn, setup() {} });

describe('loadPlugins', () => {
  it('resolves a built-in by name and user plugins by .ts and .js path, validating options with defaults', async () => {
    const loaded = await loadPlugins(config(['metrics', { use: './greeter.ts', options: { greeting: 'hi' } }, './plain-js.js']));
    expect(loaded.map((entry) => entry.name)).toEqual(['metrics', 'greeter', 'plain-js']);
    expect(loaded[1]?.options).toEqual({ greeting: 'hi', times: 1 });
    expect(loaded[0]?.options).toEqual({ path: '/metrics', defaultMetrics: true });
  });

  it('names the option path, the plugin and the file for a bad option', async () => {
    const error = await loadError([{ use: './greeter.ts', options: { greeting: 'hi', times: 9 } }]);
    expect(error.code).toBe('PLUGIN_OPTIONS_INVALID');
    expect(error.location).toEqual({ file: '/app/addon.config.yaml', plugin: 'greeter', path: 'plugins[0].options.times' });
    expect(error.message).toContain('plugins[0].options.times must be <= 5');
  });

  it('names a missing required option and an unknown one', async () => {
    const missing = await loadError([{ use: './greeter.ts', options: {} }]);
    expect(missing.location.path).toBe('plugins[0].options.greeting');
    const unknown = await loadError([{ use: './greeter.ts', options: { greeting: 'x', colour: 'red' } }]);
    expect(unknown.message).toContain('plugins[0].options.colour is not a known option');
  });

  it('PLUGIN_NOT_FOUND lists the built-ins for an unknown name and the path for a missing file', async () => {
    const byName = await loadError(['metrix']);
    expect(byName.code).toBe('PLUGIN_NOT_FOUND');
    expect(byName.message).toContain('built-ins: ');
    expect(byName.message).toContain('metrics');
    expect(byName.location.path).toBe('plugins[0]');
    const byPath = await loadError(['./missing.ts']);
    expect(byPath.code).toBe('PLUGIN_NOT_FOUND');
    expect(byPath.message).toContain('missing.ts');
  });

  it('PLUGIN_INVALID for a module without a definePlugin default export', async () => {
    expect((await loadError(['./not-a-plugin.ts'])).code).toBe('PLUGIN_INVALID');
  });

  it('PLUGIN_LOAD_FAILED when the file throws on import', async () => {
    const error = await loadError(['./broken-import.ts']);
    expect(error.code).toBe('PLUGIN_LOAD_FAILED');
    expect(error.message).toContain('this plugin fails while loading');
  });

  it('PLUGIN_DUPLICATE when two entries share a name', async () => {
    const error = await loadError(['metrics'], [{ plugin: plugin('metrics') }]);
    expect(error.code).toBe('PLUGIN_DUPLICATE');
    expect(error.message).toContain('plugins[0]');
  });

  it('PLUGIN_INVALID for a name that is not kebab-case', async () => {
    expect((await loadError([], [{ plugin: plugin('Bad_Name') }])).code).toBe('PLUGIN_INVALID');
  });
});

describe('orderPlugins', () => {
  it('puts dependencies first and otherwise keeps the configured order', () => {
    const ordered = orderPlugins(
      [plugin('webhooks', ['auth', 'lifecycle']), plugin('metrics'), plugin('lifecycle', ['auth']), plugin('auth')],
      'f',
    );
    expect(ordered.map((entry) => entry.name)).toEqual(['auth', 'lifecycle', 'webhooks', 'metrics']);
  });

  it('PLUGIN_MISSING_DEPENDENCY names both plugins and how to fix it', () => {
    expect(() => orderPlugins([plugin('webhooks', ['auth'])], 'addon.config.yaml')).toThrowError(
      expect.objectContaining({ code: 'PLUGIN_MISSING_DEPENDENCY', message: expect.stringContaining('"webhooks" depends on "auth"') }),
    );
  });

  it('PLUGIN_DEPENDENCY_CYCLE shows the cycle', () => {
    expect(() => orderPlugins([plugin('a', ['b']), plugin('b', ['c']), plugin('c', ['a'])], 'f')).toThrowError(
      expect.objectContaining({ code: 'PLUGIN_DEPENDENCY_CYCLE', message: expect.stringContaining('a → b → c → a') }),
    );
  });
});
