import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createAddon } from '../kernel.js';
import { createLogger } from '../observability/logger.js';
import { loadCommandConfig } from './load.js';

export function manifestCommand(program: Command): void {
  program
    .command('manifest')
    .description('write the generated manifest (addon.config.yaml + plugin contributions) to a file')
    .option('-o, --out <file>', 'where to write it', 'manifest.json')
    .option('--stdout', 'print it instead of writing a file')
    .action(async (options: { out: string; stdout?: boolean }, command: Command) => {
      const config = loadCommandConfig(command);
      const addon = await createAddon({
        config: { ...config, database: { ...config.database, url: 'sqlite::memory:' } },
        log: createLogger({ level: 'warn' }),
      });
      const text = `${JSON.stringify(addon.manifest(), null, 2)}\n`;
      await addon.close();
      if (options.stdout) process.stdout.write(text);
      else {
        writeFileSync(resolve(options.out), text);
        process.stdout.write(`wrote ${options.out}\n`);
      }
    });
}
