import type { Command } from 'commander';
import { createLogger } from '../observability/logger.js';
import { createStore } from '../store/create-store.js';
import { loadCommandConfig } from './load.js';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit (start does this too)')
    .action(async (_options, command: Command) => {
      const config = loadCommandConfig(command);
      const store = await createStore({ url: config.database.url, dataDir: config.database.dataDir, log: createLogger({ level: 'warn' }) });
      try {
        const applied = await store.migrate();
        process.stdout.write(
          applied.length ? `applied ${applied.join(', ')} on ${store.display}\n` : `nothing to apply on ${store.display}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
