import { LIFECYCLE_TYPES } from '../events.js';
import { checkEntries, checkEnum, checkKnownKeys, checkRequired, checkUnique, checkUrlPath } from './field-checks.js';
import type { ProblemList } from './problems.js';
import { MAX_WEBHOOKS, type SchemaRules, versionsAllowing } from './schema-rules.js';

/** `lifecycle`: one path per lifecycle type. */
export function checkLifecycle(list: ProblemList, lifecycle: unknown): void {
  const entries = checkEntries(list, ['lifecycle'], lifecycle, 'a lifecycle entry ({ type, path })');
  for (const { path, value } of entries) {
    checkKnownKeys(list, path, value, ['type', 'path']);
    checkRequired(list, path, value, ['type', 'path']);
    checkEnum(list, [...path, 'type'], value.type, LIFECYCLE_TYPES, { noun: 'a lifecycle type' });
    checkUrlPath(list, [...path, 'path'], value.path);
  }
  // Clockify calls a single path per type, so a second entry for the same type would be ignored or refused.
  checkUnique(
    list,
    entries,
    (entry) => (typeof entry.type === 'string' ? entry.type : undefined),
    (entry) => `a lifecycle entry of type "${String(entry.type)}"`,
  );
}

/** `webhooks`: events this schema version has, at most 10, no repeats. */
export function checkWebhooks(list: ProblemList, webhooks: unknown, rules: SchemaRules): void {
  const entries = checkEntries(list, ['webhooks'], webhooks, 'a webhook entry ({ event, path })');
  for (const { path, value } of entries) {
    checkKnownKeys(list, path, value, ['event', 'path']);
    checkRequired(list, path, value, ['event', 'path']);
    checkEnum(list, [...path, 'event'], value.event, rules.webhookEvents, {
      noun: `a webhook event in schema ${rules.version}`,
      hint: (event) => eventHint(event, rules),
    });
    checkUrlPath(list, [...path, 'path'], value.path);
  }
  checkUnique(
    list,
    entries,
    (entry) => JSON.stringify([entry.event, entry.path]),
    (entry) => `a webhook for ${String(entry.event)} at ${String(entry.path)}`,
  );
  if (entries.length > MAX_WEBHOOKS) list.add(['webhooks'], tooManyWebhooks(list, entries.length));
}

function eventHint(event: string, rules: SchemaRules): string | undefined {
  const versions = versionsAllowing((other) => other.webhookEvents, event);
  if (versions.length === 0) return undefined;
  const which = versions.length === 1 ? `schema ${versions[0]} has it` : `schemas ${versions.join(', ')} have it`;
  return `${which}: declare ${versions.length === 1 ? 'it' : 'one of them'} as schemaVersion in addon.config.yaml, or stop handling the event under ${rules.version}`;
}

function tooManyWebhooks(list: ProblemList, count: number): string {
  const byPlugin = [...list.contributors('webhooks')]
    .filter(([plugin]) => plugin !== undefined)
    .map(([plugin, entries]) => `plugin "${plugin}": ${entries}`);
  const breakdown = byPlugin.length > 1 ? ` (${byPlugin.join(', ')})` : '';
  return (
    `${count} webhooks${breakdown}, but Clockify accepts at most ${MAX_WEBHOOKS} per add-on. ` +
    'Choose the ones the add-on needs: handle fewer events (each ctx.webhooks.on(event) adds a webhook), ' +
    'or list only the events to subscribe to in addon.config.yaml, in the options of the plugin that contributes them'
  );
}
