import type { Command } from 'commander';
import { isWebhookEventName } from '../clockify/events.js';
import type { AddonConfig } from '../config/types.js';
import { createLogger } from '../observability/logger.js';
import { createStore, type Store } from '../store/create-store.js';
import { WEBHOOK_EVENT_STATES, type WebhookEventState } from '../store/entities/webhook-event.js';
import { createWebhookInbox, type InboxEvent, type InboxFilter, type WebhookInbox } from '../store/webhook-inbox.js';
import { loadCommandConfig } from './load.js';

interface FilterFlags {
  state?: string;
  workspace?: string;
  event?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A mistake in the command line: reported as one line, without a stack. */
class UsageError extends Error {}

/**
 * `addon webhooks list | replay | discard | purge`: the webhook inbox, worked on directly in the database named by the
 * configuration, with or without a server running. A replay only sets events back to `pending`; a running server picks
 * them up at its next poll, a stopped one when it starts.
 */
export function webhooksCommand(program: Command): void {
  const webhooks = program.command('webhooks').description('inspect and repair the webhook inbox (works on the database directly)');
  withFilters(webhooks.command('list').description('list events, newest first'))
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON object per line instead of a table')
    .action((flags: FilterFlags & { limit: string; json?: boolean }, command: Command) =>
      withInbox(command, async (inbox) => {
        const { events } = await inbox.list({ ...filterFrom(flags), limit: Number(flags.limit) });
        process.stdout.write(flags.json ? events.map((event) => `${JSON.stringify(event)}\n`).join('') : table(events));
      }),
    );
  withFilters(
    webhooks.command('replay').description('put events back in the queue: by id, or every one matching --state/--event/--workspace'),
  )
    .argument('[ids...]', 'event ids')
    .action((ids: string[], flags: FilterFlags, command: Command) =>
      withInbox(command, async (inbox) => {
        const filter = { ...filterFrom(flags), ...idsFrom(ids) };
        if (!filter.ids && !filter.state && !filter.event) throw new UsageError('name the events: ids, or --state dead (or --event)');
        process.stdout.write(`replayed ${await inbox.replay(filter)} event(s)\n`);
      }),
    );
  webhooks
    .command('discard')
    .description('mark events discarded: they are not dispatched again (handled events are left alone)')
    .argument('<ids...>', 'event ids')
    .action((ids: string[], _flags: unknown, command: Command) =>
      withInbox(command, async (inbox) => process.stdout.write(`discarded ${await inbox.discard(idsFrom(ids))} event(s)\n`)),
    );
  webhooks
    .command('purge')
    .description('delete finished events (handled, dead, discarded) older than the retention, and events of uninstalled workspaces')
    .option('--older-than-days <days>', 'default: the webhooks plugin option retention.days, else 7')
    .action((flags: { olderThanDays?: string }, command: Command) =>
      withInbox(command, async (inbox, config) => {
        const days = flags.olderThanDays === undefined ? retentionDays(config) : Number(flags.olderThanDays);
        if (!(days >= 0)) throw new UsageError('--older-than-days must be a number of days');
        process.stdout.write(`purged ${await inbox.purgeFinished(new Date(Date.now() - days * DAY_MS))} event(s)\n`);
      }),
    );
}

function withFilters(command: Command): Command {
  return command
    .option('--state <state>', `one of ${WEBHOOK_EVENT_STATES.join(', ')}`)
    .option('--workspace <id>', 'one workspace')
    .option('--event <name>', 'one event, e.g. NEW_TIME_ENTRY');
}

async function withInbox(command: Command, work: (inbox: WebhookInbox, config: AddonConfig) => Promise<unknown>): Promise<void> {
  const config = loadCommandConfig(command);
  const store: Store = await createStore({
    url: config.database.url,
    dataDir: config.database.dataDir,
    log: createLogger({ level: 'warn' }),
  });
  try {
    // The inbox table may not exist yet on a database no server has started on.
    await store.migrate();
    await work(createWebhookInbox(store), config);
  } catch (error) {
    if (error instanceof UsageError) command.error(`error: ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
}

function filterFrom({ state, workspace, event }: FilterFlags): InboxFilter {
  if (state !== undefined && !WEBHOOK_EVENT_STATES.includes(state as WebhookEventState)) {
    throw new UsageError(`--state must be one of ${WEBHOOK_EVENT_STATES.join(', ')}`);
  }
  if (event !== undefined && !isWebhookEventName(event)) throw new UsageError(`--event: "${event}" is not a Clockify webhook event`);
  return {
    ...(state ? { state: state as WebhookEventState } : {}),
    ...(workspace ? { workspaceId: workspace } : {}),
    ...(event ? { event } : {}),
  };
}

function idsFrom(ids: readonly string[]): InboxFilter {
  if (ids.length === 0) return {};
  const bad = ids.find((id) => !/^[1-9]\d{0,15}$/.test(id));
  if (bad !== undefined) throw new UsageError(`"${bad}" is not an event id`);
  return { ids: ids.map(Number) };
}

function retentionDays(config: AddonConfig): number {
  const entry = config.plugins.find((plugin) => plugin.use === 'webhooks');
  const days = (entry?.options?.retention as { days?: unknown } | undefined)?.days;
  return typeof days === 'number' ? days : 7;
}

function table(events: readonly InboxEvent[]): string {
  if (events.length === 0) return 'no events\n';
  const rows = events.map((event) => [
    String(event.id),
    event.state,
    String(event.attempts),
    event.event,
    event.workspaceId,
    event.receivedAt,
    (event.lastError ?? '').slice(0, 80),
  ]);
  const header = ['id', 'state', 'attempts', 'event', 'workspace', 'received', 'last error'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    `${cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()}\n`;
  return line(header) + rows.map(line).join('');
}
