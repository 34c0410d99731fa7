import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import { configPathFrom, type Environment, readEnvironment } from '../config/environment.js';
import { loadConfig } from '../config/load-config.js';
import type { AddonConfig } from '../config/types.js';
import { type ClockifySimulator, createClockifySimulator } from '../testkit/create-clockify-simulator.js';
import { loadOrCreateKeyPair } from '../testkit/key-pair-file.js';
import { reservePort } from '../testkit/reserve-port.js';
import { type DevAddonProcess, spawnDevAddon } from './dev-addon-process.js';
import { removeDevControl, simulatorDir, writeDevControl } from './dev-control-file.js';
import { serveDevAddon } from './serve-dev-addon.js';
import { type SourceWatcher, type WatchTarget, watchSources } from './watch-sources.js';

const KIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function devCommand(program: Command): void {
  program
    .command('dev')
    .description('run the add-on against a local Clockify simulator, installed, restarting on source changes')
    .option('--seed <number>', 'seed of the simulated workspace data', '1')
    .addOption(new Option('--serve-addon', 'internal: the add-on process that `dev` supervises').hideHelp())
    .action(async (options: { seed: string; serveAddon?: boolean }, command: Command) => {
      if (options.serveAddon) return serveDevAddon(command);
      await runDev(command, Number(options.seed) || 1);
    });
}

/**
 * Starts the simulator (its key kept under the data folder), then the add-on as a child process trusting that key
 * and addressed at its own URL, installs it, prints where to open its sidebar, and restarts it when sources change.
 */
async function runDev(command: Command, seed: number): Promise<void> {
  const env = readEnvironment();
  const configPath = resolve((command.optsWithGlobals().config as string | undefined) ?? configPathFrom(env));
  const config = loadConfig({ path: configPath, env });
  const dataDir = resolve(config.database.dataDir);
  const keyPair = loadOrCreateKeyPair(simulatorDir(dataDir));
  const openapiPath = resolve(config.baseDir, config.openapi);
  const simulator = await createClockifySimulator({ seed, addonKey: config.key, openapiPath, keyPair });
  const port = config.server.port || (await reservePort());
  const addonUrl = `http://127.0.0.1:${port}`;
  const addonEnv: Environment = {
    ...env,
    PORT: String(port),
    ADDON_BASE_URL: addonUrl,
    CLOCKIFY_PUBLIC_KEYS: [env.CLOCKIFY_PUBLIC_KEYS, keyPair.publicKeyFile].filter(Boolean).join('\n'),
    // The simulator listens on loopback: the API client's allowlist must let calls reach it.
    CLOCKIFY_DEV_HOSTS: [env.CLOCKIFY_DEV_HOSTS, '127.0.0.1:*'].filter(Boolean).join(','),
  };
  writeDevControl(dataDir, { simulatorUrl: simulator.url, addonUrl, pid: process.pid });
  let addon: DevAddonProcess | undefined;
  let watcher: SourceWatcher | undefined;
  const launch = async () => {
    await addon?.stop();
    addon = spawnDevAddon({ url: addonUrl, env: addonEnv, configPath });
    await addon.ready;
    await simulator.install(addonUrl);
    await printLinks(simulator, addonUrl);
  };
  let running = launch();
  const shutdown = async (graceMs: number) => {
    watcher?.close();
    await running.catch(() => undefined);
    await addon?.stop(graceMs);
    await simulator.close();
    removeDevControl(dataDir);
  };
  // Registered before the first launch finishes, so a signal at any point still stops the child and the simulator.
  process.once('SIGINT', () => void shutdown(5000).then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown(0).then(() => process.exit(0)));
  try {
    await running;
  } catch (error) {
    await shutdown(0);
    throw error;
  }
  watcher = watchSources(watchTargets(config, configPath), (file) => {
    process.stdout.write(`\n${file} changed: restarting the add-on\n`);
    running = running.then(launch).catch((error: Error) => {
      process.stderr.write(`restart failed: ${error.message}\n`);
    });
  });
  process.stdout.write('Watching for changes; Ctrl+C stops.\n');
}

async function printLinks(simulator: ClockifySimulator, addonUrl: string): Promise<void> {
  const sidebar = simulator.installation?.manifest.components.find((component) => component.type === 'sidebar');
  const token = await simulator.userToken();
  process.stdout.write(
    [
      `Clockify simulator: ${simulator.url} (API ${simulator.apiUrl}, workspace ${simulator.workspaceId})`,
      `Add-on: ${addonUrl} (installed as ${simulator.addonId})`,
      `Sidebar: ${addonUrl}${sidebar?.path ?? '/manifest'}?auth_token=${token}`,
      'Send a webhook: npm run addon -- simulate webhook NEW_TIME_ENTRY',
      '',
    ].join('\n'),
  );
}

/** The kit's runtime and built-in plugins, the config file and the openapi document, and the user's plugin folders. */
function watchTargets(config: AddonConfig, configPath: string): WatchTarget[] {
  const configDir = dirname(configPath);
  const userPlugins = config.plugins
    .map((entry) => entry.use)
    .filter((use) => use.startsWith('.') || use.startsWith('/') || /\.(m?[jt]s)$/.test(use))
    .map((use) => resolve(config.baseDir, use));
  const rootFiles = new Set(
    [configPath, resolve(config.baseDir, config.openapi), ...userPlugins]
      .filter((file) => dirname(file) === configDir)
      .map((file) => file.slice(configDir.length + 1)),
  );
  const pluginDirs = [...new Set(userPlugins.map((file) => dirname(file)).filter((dir) => dir !== configDir))];
  return [
    { dir: resolve(KIT_ROOT, 'runtime'), recursive: true },
    { dir: resolve(KIT_ROOT, 'plugins'), recursive: true },
    { dir: configDir, recursive: false, only: rootFiles },
    ...pluginDirs.map((dir) => ({ dir, recursive: true })),
  ];
}
