import type { AddonConfig, WebhookEventName } from '../../runtime/index.js';
import { AddonError, MAX_WEBHOOKS, WEBHOOK_EVENTS } from '../../runtime/index.js';
import type { WebhooksOptions } from './options.js';

export interface Subscription {
  event: WebhookEventName;
  path: string;
}

/** NEW_TIME_ENTRY → /webhooks/new-time-entry: the path an event is received on unless `paths` names another. */
export function defaultWebhookPath(event: WebhookEventName): string {
  return `/webhooks/${event.toLowerCase().replaceAll('_', '-')}`;
}

/** Events at least one plugin handles, asked of `ctx.handlers.webhooks` (complete once every plugin is set up). */
export function handledEvents(handlers: (event: WebhookEventName) => readonly unknown[]): WebhookEventName[] {
  return WEBHOOK_EVENTS.filter((event) => handlers(event).length > 0);
}

/**
 * The events the add-on subscribes to: those some plugin handles (`ctx.webhooks.on`), in registration order, then
 * the ones the options add. An event listed without a handler is still received and kept in the inbox.
 */
export function subscriptions(options: Pick<WebhooksOptions, 'events' | 'paths'>, handled: readonly WebhookEventName[]): Subscription[] {
  const listed = options.events === 'all' ? WEBHOOK_EVENTS : options.events;
  const events = [...new Set<WebhookEventName>([...handled, ...listed])];
  return events.map((event) => ({ event, path: options.paths[event] ?? defaultWebhookPath(event) }));
}

/**
 * The manifest's webhook entries. More than Clockify's 10 fails the boot here, with a message that says how to choose,
 * because `events: all` (51 events) can never fit and the manifest validator alone cannot tell where the events came from.
 */
export function manifestWebhooks(options: WebhooksOptions, handled: readonly WebhookEventName[], config: AddonConfig): Subscription[] {
  const entries = subscriptions(options, handled);
  if (entries.length <= MAX_WEBHOOKS) return entries;
  const index = config.plugins.findIndex((entry) => entry.use === 'webhooks');
  const location = { file: config.source, plugin: 'webhooks', ...(index >= 0 ? { path: `plugins[${index}].options.events` } : {}) };
  throw new AddonError('MANIFEST_INVALID', tooManyEvents(options, handled, entries.length), location);
}

function tooManyEvents(options: WebhooksOptions, handled: readonly WebhookEventName[], count: number): string {
  const choose =
    'Choose the events the add-on needs: list them in the webhooks plugin options (events: [NEW_TIME_ENTRY, TIMER_STOPPED]) ' +
    'instead of all, or handle fewer events (each ctx.webhooks.on(event) subscribes to that event).';
  if (options.events === 'all') {
    return `events: all subscribes to all ${WEBHOOK_EVENTS.length} webhook events, but Clockify accepts at most ${MAX_WEBHOOKS} per add-on. ${choose}`;
  }
  const extra = options.events.filter((event) => !handled.includes(event));
  const origin = `${handled.length} handled by plugins (${handled.join(', ') || 'none'})${extra.length ? `, ${extra.length} more listed in events (${extra.join(', ')})` : ''}`;
  return `the add-on subscribes to ${count} webhook events, ${origin}, but Clockify accepts at most ${MAX_WEBHOOKS} per add-on. ${choose}`;
}
