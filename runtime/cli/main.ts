import { Command, CommanderError } from 'commander';
import { isAddonError } from '../errors/index.js';
import { configCheckCommand } from './config-check.js';
import { devCommand } from './dev.js';
import { manifestCommand } from './manifest.js';
import { migrateCommand } from './migrate.js';
import { simulateCommand } from './simulate.js';
import { startCommand } from './start.js';
import { webhooksCommand } from './webhooks.js';

/** Later issues add their commands here. */
const commands = [startCommand, manifestCommand, migrateCommand, configCheckCommand, devCommand, simulateCommand, webhooksCommand];

/** Runs the CLI; resolves with the process exit code (a long-running `start` resolves once listening). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('addon')
    .description('Run and manage a Clockify add-on built on clockify-addon-kit')
    .option('-c, --config <file>', 'configuration file (default: $ADDON_CONFIG or ./addon.config.yaml)')
    .showHelpAfterError('(run `addon --help` to see every command)')
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of commands) register(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isAddonError(error)) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
