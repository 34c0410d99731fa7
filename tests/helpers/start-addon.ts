import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Addon, buildConfig, createAddon, type Environment, type InlinePlugin } from '../../runtime/index.js';
import { type CapturedLog, captureLog } from './capture-log.js';

export interface TestAddon {
  addon: Addon;
  url: string;
  logs: CapturedLog;
  dataDir: string;
  close(): Promise<void>;
}

export interface StartTestAddonOptions {
  /** Merged over a minimal config (key `test-addon`, no plugins, port 0 on 127.0.0.1). */
  config?: Record<string, unknown>;
  plugins?: InlinePlugin[];
  /** A database URL; a temporary SQLite file when absent. */
  databaseUrl?: string;
  env?: Environment;
  /** Resolve relative plugin paths against this folder. */
  baseDir?: string;
}

export function testConfigTree(overrides: Record<string, unknown> = {}, dataDir = mkdtempSync(join(tmpdir(), 'addon-data-'))) {
  return {
    key: 'test-addon',
    name: 'Test Add-on',
    baseUrl: 'http://127.0.0.1:8080',
    plugins: [],
    ...overrides,
    server: { port: 0, host: '127.0.0.1', ...(overrides.server as object | undefined) },
    database: { dataDir, ...(overrides.database as object | undefined) },
  };
}

/** Builds an add-on from an inline config, on a temporary SQLite file unless a database URL is given. */
export async function createTestAddon({ config = {}, plugins = [], databaseUrl, env = {}, baseDir }: StartTestAddonOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'addon-data-'));
  const tree = testConfigTree(config, dataDir);
  if (databaseUrl) (tree.database as Record<string, unknown>).url = databaseUrl;
  const logs = captureLog();
  const addon = await createAddon({ config: buildConfig(tree, { env, baseDir }), log: logs.log, plugins }).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return { addon, logs, dataDir };
}

/** Builds and starts an add-on on an ephemeral port; `close` stops it and removes its data folder. */
export async function startTestAddon(options: StartTestAddonOptions = {}): Promise<TestAddon> {
  const { addon, logs, dataDir } = await createTestAddon(options);
  const { url } = await addon.start();
  return {
    addon,
    url,
    logs,
    dataDir,
    async close() {
      await addon.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
