import type { Command } from 'commander';
import { createAddon } from '../kernel.js';
import { loadCommandConfig } from './load.js';

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('start the add-on server (migrates the database first)')
    .action(async (_options, command: Command) => {
      const config = loadCommandConfig(command);
      const addon = await createAddon({ config });
      const { url } = await addon.start();
      const { baseUrl } = addon.manifest();
      // Clockify installs from the public baseUrl; say so when it is not where this process listens.
      const publicNote =
        baseUrl === url ? '' : `\nClockify installs it from ${baseUrl}/manifest (baseUrl; set ADDON_BASE_URL to a public URL)`;
      process.stdout.write(`Add-on listening on ${url}\nManifest: ${url}/manifest${publicNote}\n`);
      shutdownOnSignals(() => addon.close());
    });
}

/** SIGTERM/SIGINT: close gracefully once; a second signal exits at once. */
export function shutdownOnSignals(close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stderr.write(`${signal} received, shutting down\n`);
    close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
