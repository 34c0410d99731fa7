import type { Command } from 'commander';
import { configPathFrom, readEnvironment } from '../config/environment.js';
import { loadConfig } from '../config/load-config.js';
import type { AddonConfig } from '../config/types.js';

/** The configuration a command works on: `--config`, else $ADDON_CONFIG, else ./addon.config.yaml. */
export function loadCommandConfig(command: Command): AddonConfig {
  const env = readEnvironment();
  const path = (command.optsWithGlobals().config as string | undefined) ?? configPathFrom(env);
  return loadConfig({ path, env });
}
