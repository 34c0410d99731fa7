import type { Command } from 'commander';
import { stringify } from 'yaml';
import { maskUrl } from '../store/database-options.js';
import { loadCommandConfig } from './load.js';

export function configCheckCommand(program: Command): void {
  const config = program.command('config').description('inspect the configuration');
  config
    .command('check')
    .description('validate addon.config.yaml and the environment; print the effective config with secrets masked')
    .action((_options, command: Command) => {
      const effective = loadCommandConfig(command);
      process.stdout.write(`# ${effective.source} is valid\n${stringify(mask(effective))}`);
    });
}

function mask(config: ReturnType<typeof loadCommandConfig>): unknown {
  return {
    ...config,
    database: { ...config.database, ...(config.database.url ? { url: maskUrl(config.database.url) } : {}) },
    redis: config.redis.url ? { url: maskUrl(config.redis.url) } : {},
    security: config.security.encryptionKey ? { encryptionKey: '***' } : {},
    auth: { publicKeys: config.auth.publicKeys.map((key) => (key.includes('BEGIN') ? '(inline PEM)' : key)) },
  };
}
