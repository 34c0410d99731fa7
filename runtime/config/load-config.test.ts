import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownAddonError } from '../../tests/helpers/thrown.js';
import { buildConfig, loadConfig, splitList } from './load-config.js';

const minimal = { key: 'my-addon', name: 'My Add-on', baseUrl: 'https://addon.example.com', plugins: ['metrics'] };

function writeYaml(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'config-test-')), 'addon.config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('interpolates ${VAR} and ${VAR:-default}, coerces types and fills defaults', () => {
    const file = writeYaml(
      'key: ${KEY}\nname: "${NAME:-Fallback}"\nbaseUrl: https://${HOST:-x.example.com}/addon\nserver:\n  port: ${APP_PORT:-9090}\nplugins: [metrics]\n',
    );
    const config = loadConfig({ path: file, env: { KEY: 'from-env', HOST: 'h.example.com' } });
    expect(config.key).toBe('from-env');
    expect(config.name).toBe('Fallback');
    expect(config.baseUrl).toBe('https://h.example.com/addon');
    expect(config.server.port).toBe(9090);
    expect(config.schemaVersion).toBe('1.6');
    expect(config.minimalSubscriptionPlan).toBe('FREE');
    expect(config.plugins).toEqual([{ use: 'metrics' }]);
    expect(config.source).toBe(file);
  });

  it('writes a literal ${ for $${', () => {
    const config = buildConfig({ ...minimal, description: 'costs $${AMOUNT}' }, { env: {} });
    expect(config.description).toBe('costs ${AMOUNT}');
  });

  it('lets well-known variables override the file', () => {
    const config = buildConfig(minimal, {
      env: { PORT: '7000', ADDON_BASE_URL: 'https://tunnel.example.com', DATABASE_URL: 'sqlite:/tmp/x.sqlite', LOG_LEVEL: 'debug' },
    });
    expect(config.server.port).toBe(7000);
    expect(config.baseUrl).toBe('https://tunnel.example.com');
    expect(config.database.url).toBe('sqlite:/tmp/x.sqlite');
    expect(config.log.level).toBe('debug');
  });

  it('appends CLOCKIFY_PUBLIC_KEYS to the configured keys, splitting PEM blocks and paths', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nAAAA\nBBBB\n-----END PUBLIC KEY-----';
    const config = buildConfig(
      { ...minimal, auth: { publicKeys: ['./a.pem'] } },
      { env: { CLOCKIFY_PUBLIC_KEYS: `${pem}\n./b.pem, ./c.pem` } },
    );
    expect(config.auth.publicKeys).toEqual(['./a.pem', pem, './b.pem', './c.pem']);
    expect(splitList('')).toEqual([]);
  });

  it('freezes the result deeply', () => {
    const config = buildConfig(minimal, { env: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });
});

describe('configuration errors', () => {
  it('CONFIG_NOT_FOUND names the file', () => {
    const error = thrownAddonError(() => loadConfig({ path: '/nonexistent/addon.config.yaml', env: {} }));
    expect(error.code).toBe('CONFIG_NOT_FOUND');
    expect(error.message).toContain('/nonexistent/addon.config.yaml');
  });

  it('CONFIG_UNREADABLE for YAML that does not parse', () => {
    const error = thrownAddonError(() => loadConfig({ path: writeYaml('key: [unclosed\n'), env: {} }));
    expect(error.code).toBe('CONFIG_UNREADABLE');
  });

  it('CONFIG_MISSING_VARIABLE names the variable and the config path', () => {
    const error = thrownAddonError(() =>
      buildConfig({ ...minimal, plugins: [{ use: 'metrics', options: { path: '${METRICS_PATH}' } }] }, { env: {} }),
    );
    expect(error.code).toBe('CONFIG_MISSING_VARIABLE');
    expect(error.message).toContain('METRICS_PATH');
    expect(error.location.path).toBe('plugins[0].options.path');
  });

  it('CONFIG_UNKNOWN_KEY suggests the key that was meant', () => {
    const error = thrownAddonError(() => buildConfig({ ...minimal, server: { prot: 8080 } }, { env: {} }));
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.location.path).toBe('server.prot');
    expect(error.message).toContain('did you mean "port"?');
  });

  it('CONFIG_UNKNOWN_KEY at the top level lists the allowed keys', () => {
    const error = thrownAddonError(() => buildConfig({ ...minimal, plugin: [] }, { env: {} }));
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.message).toContain('did you mean "plugins"?');
    expect(error.message).toContain('allowed: schemaVersion, key, name');
  });

  it('CONFIG_INVALID for a missing required key, a wrong type and a bad enum value', () => {
    const missing = thrownAddonError(() => buildConfig({ name: 'x', baseUrl: 'https://a.example.com', plugins: [] }, { env: {} }));
    expect(missing.code).toBe('CONFIG_INVALID');
    expect(missing.location.path).toBe('key');

    const wrongType = thrownAddonError(() => buildConfig({ ...minimal, server: { port: 'eighty' } }, { env: {} }));
    expect(wrongType.code).toBe('CONFIG_INVALID');
    expect(wrongType.message).toContain('server.port must be integer');

    const badEnum = thrownAddonError(() => buildConfig({ ...minimal, minimalSubscriptionPlan: 'GOLD' }, { env: {} }));
    expect(badEnum.message).toContain('FREE, BASIC, STANDARD, PRO, ENTERPRISE');

    const badUrl = thrownAddonError(() => buildConfig({ ...minimal, baseUrl: 'ftp://x' }, { env: {} }));
    expect(badUrl.location.path).toBe('baseUrl');
  });

  it('CONFIG_INVALID when the top level is not a mapping', () => {
    expect(thrownAddonError(() => loadConfig({ path: writeYaml('- a\n- b\n'), env: {} })).code).toBe('CONFIG_INVALID');
  });
});
