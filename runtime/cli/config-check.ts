import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadOpenApi } from '../openapi/load-openapi.js';
import { maskUrl } from '../store/database-options.js';
import { loadCommandConfig } from './load.js';

export function configCheckCommand(program: Command): void {
  const config = program.command('config').description('inspect the configuration');
  config
    .command('check')
    .description(
      'validate addon.config.yaml, the environment and the OpenAPI document (against the OpenAPI 3 schema too); ' +
        'print the effective config with secrets masked',
    )
    .action(async (_options, command: Command) => {
      const effective = loadCommandConfig(command);
      // The full schema check `start` skips for speed.
      const openapi = await loadOpenApi(effective.openapi, { baseDir: effective.baseDir, validateSchema: true });
      process.stdout.write(`# ${effective.source} is valid\n# ${openapi.file} is valid: ${openapi.index.operations.length} operations\n`);
      process.stdout.write(stringify(mask(effective)));
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
