import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { buildConfig } from '../config/index.js';
import { isAddonError } from '../errors/index.js';
import { type Addon, createAddon } from '../kernel.js';
import { createLogger } from '../observability/index.js';
import type { InlinePlugin } from '../plugin/load-plugins.js';
import { type ClockifySimulator, type ClockifySimulatorOptions, createClockifySimulator } from './create-clockify-simulator.js';
import { reservePort } from './reserve-port.js';
import { waitForReady } from './wait-for-ready.js';

export interface TestEnvironmentOptions {
  /**
   * Merged over a minimal add-on config (key `test-addon`, schema 1.6, a temporary data folder, log level warn).
   * `baseUrl`, the port and the host are always the add-on's own; the simulator's key is added to `auth.publicKeys`;
   * the built-in `auth` and `lifecycle` plugins are added to `plugins` unless they are there.
   */
  config?: Record<string, unknown>;
  /** Plugins given in code (yours), after those of the config. */
  plugins?: InlinePlugin[];
  simulator?: ClockifySimulatorOptions;
  /** Install the add-on into the simulated workspace once it is ready (default true). */
  install?: boolean;
  /** Resolve relative paths of the config (plugin files) against this folder; the working directory by default. */
  baseDir?: string;
  log?: Logger;
}

export interface TestEnvironment {
  readonly addon: Addon;
  readonly addonUrl: string;
  readonly simulator: ClockifySimulator;
  readonly dataDir: string;
  /** Stops the add-on and the simulator and removes the temporary data folder. */
  close(): Promise<void>;
}

const BUILT_INS = ['auth', 'lifecycle'] as const;
const LISTEN_ATTEMPTS = 3;

/**
 * The simulator and an add-on in this process, talking over real HTTP: the add-on on a temporary SQLite database,
 * trusting the simulator's key, installed into the simulated workspace. For plugin authors' tests.
 */
export async function startTestEnvironment(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
  const config = options.config ?? {};
  const simulator = await createClockifySimulator({
    addonKey: typeof config.key === 'string' ? config.key : 'test-addon',
    ...options.simulator,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'addon-testkit-'));
  try {
    const { addon, addonUrl } = await startAddon(options, simulator, dataDir);
    await waitForReady(addonUrl);
    if (options.install !== false) await simulator.install(addonUrl);
    return {
      addon,
      addonUrl,
      simulator,
      dataDir,
      async close() {
        await addon.close();
        await simulator.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function startAddon(
  options: TestEnvironmentOptions,
  simulator: ClockifySimulator,
  dataDir: string,
): Promise<{ addon: Addon; addonUrl: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await reservePort();
    const tree = configTree(options, simulator, dataDir, port);
    const built = buildConfig(tree, { env: {}, baseDir: options.baseDir });
    const addon = await createAddon({
      config: built,
      log: options.log ?? createLogger({ level: built.log.level }),
      plugins: options.plugins,
    });
    try {
      await addon.start();
      return { addon, addonUrl: tree.baseUrl };
    } catch (error) {
      await addon.close();
      // Another process took the reserved port in between: try another one.
      if (!(isAddonError(error) && error.code === 'SERVER_LISTEN_FAILED') || attempt >= LISTEN_ATTEMPTS) throw error;
    }
  }
}

function configTree(options: TestEnvironmentOptions, simulator: ClockifySimulator, dataDir: string, port: number) {
  const config = options.config ?? {};
  const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;
  const plugins = (config.plugins ?? []) as (string | { use: string })[];
  const configured = new Set([
    ...plugins.map((entry) => (typeof entry === 'string' ? entry : entry.use)),
    ...(options.plugins ?? []).map(({ plugin }) => plugin.name),
  ]);
  const publicKeys = (section('auth').publicKeys ?? []) as string[];
  return {
    key: 'test-addon',
    name: 'Test Add-on',
    schemaVersion: '1.6',
    ...config,
    baseUrl: `http://127.0.0.1:${port}`,
    server: { ...section('server'), port, host: '127.0.0.1' },
    database: { dataDir, ...section('database') },
    log: { level: 'warn', ...section('log') },
    auth: { ...section('auth'), publicKeys: [...publicKeys, simulator.publicKeyPem] },
    // The simulator listens on loopback: the API client's allowlist must let calls reach it.
    clockify: { ...section('clockify'), devHosts: [...((section('clockify').devHosts ?? []) as string[]), '127.0.0.1:*'] },
    plugins: [...BUILT_INS.filter((name) => !configured.has(name)), ...plugins],
  };
}
