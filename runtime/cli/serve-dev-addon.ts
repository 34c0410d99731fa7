import type { Command } from 'commander';
import { createAddon } from '../kernel.js';
import type { InlinePlugin } from '../plugin/load-plugins.js';
import { resolvePlugin } from '../plugin/resolve-plugin.js';
import { loadCommandConfig } from './load.js';
import { shutdownOnSignals } from './start.js';

// Without these the simulator cannot install the add-on nor deliver webhooks to it.
const DEV_BUILT_INS = ['auth', 'lifecycle'];

/** The add-on side of `addon dev`: like `start`, plus the built-ins a simulated install needs when the YAML lacks them. */
export async function serveDevAddon(command: Command): Promise<void> {
  const config = loadCommandConfig(command);
  const configured = new Set(config.plugins.map((entry) => entry.use));
  const plugins: InlinePlugin[] = [];
  for (const name of DEV_BUILT_INS.filter((candidate) => !configured.has(candidate))) {
    plugins.push({
      plugin: await resolvePlugin(name, { baseDir: config.baseDir, file: config.source, path: `(added by addon dev) ${name}` }),
    });
  }
  const addon = await createAddon({ config, plugins });
  await addon.start();
  shutdownOnSignals(() => addon.close());
}
