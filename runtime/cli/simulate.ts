import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readDevControl } from './dev-control-file.js';
import { loadCommandConfig } from './load.js';

interface WebhookOptions {
  body?: string;
  duplicate: string;
}

/** `addon simulate webhook <EVENT>`: asks the simulator of a running `addon dev` to deliver a webhook. */
export function simulateCommand(program: Command): void {
  const simulate = program.command('simulate').description('drive the Clockify simulator of a running `addon dev`');
  simulate
    .command('webhook <event>')
    .description('deliver a webhook (e.g. NEW_TIME_ENTRY) to the add-on, signed like Clockify')
    .option('--body <json>', 'the body to send (default: one generated from the simulated workspace)')
    .option('--duplicate <n>', 'copies to send after the first', '0')
    .action(async (event: string, options: WebhookOptions, command: Command) => {
      process.exitCode = await simulateWebhook(event, options, command);
    });
}

async function simulateWebhook(event: string, options: WebhookOptions, command: Command): Promise<number> {
  const config = loadCommandConfig(command);
  const control = readDevControl(resolve(config.database.dataDir));
  if (!control) return fail('no running `addon dev` was found for this data folder; start one with `npm run dev`');
  let body: unknown;
  try {
    body = options.body === undefined ? undefined : JSON.parse(options.body);
  } catch {
    return fail('--body must be JSON');
  }
  const request = { duplicate: Number(options.duplicate) || 0, ...(body === undefined ? {} : { body }) };
  let response: Response;
  try {
    response = await fetch(`${control.simulatorUrl}/_simulator/webhooks/${encodeURIComponent(event)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    return fail(
      `the dev simulator at ${control.simulatorUrl} does not answer (${(error as Error).message}); is \`npm run dev\` still running?`,
    );
  }
  process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
  return response.ok ? 0 : 1;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}
