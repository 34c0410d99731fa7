import { Command, CommanderError } from 'commander';
import { isAddonError } from '../errors/index.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (or when help or a wrong command needs them all):
 * `dev` alone pulls in the whole simulator, which `start` must not pay for. Later issues add their commands here.
 */
const commands: Record<string, () => Promise<Register>> = {
  start: async () => (await import('./start.js')).startCommand,
  manifest: async () => (await import('./manifest.js')).manifestCommand,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  config: async () => (await import('./config-check.js')).configCheckCommand,
  dev: async () => (await import('./dev.js')).devCommand,
  simulate: async () => (await import('./simulate.js')).simulateCommand,
  webhooks: async () => (await import('./webhooks.js')).webhooksCommand,
};

/** Runs the CLI; resolves with the process exit code (a long-running `start` resolves once listening). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('addon')
    .description('Run and manage a Clockify add-on built on clockify-addon-kit')
    .option('-c, --config <file>', 'configuration file (default: $ADDON_CONFIG or ./addon.config.yaml)')
    .showHelpAfterError('(run `addon --help` to see every command)')
    .showSuggestionAfterError(true)
    .exitOverride();
  const named = commandName(argv);
  const wanted = named && named in commands ? [named] : Object.keys(commands);
  for (const register of await Promise.all(wanted.map((name) => (commands[name] as () => Promise<Register>)()))) register(program);
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

/** The first word that is neither an option nor the value of `--config`. */
function commandName(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] as string;
    if (word === '-c' || word === '--config') index++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}
