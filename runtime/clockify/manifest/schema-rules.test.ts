import { describe, expect, it } from 'vitest';
import { addonConfigSchema } from '../../config/validate-config.js';
import { WEBHOOK_EVENTS } from '../events.js';
import { COMPONENT_TYPES, LATEST_SCHEMA_VERSION, rulesFor, SCHEMA_VERSIONS, SCOPES, versionsAllowing } from './schema-rules.js';

describe('schema rules', () => {
  it.each([
    ['1.2', 42, 9],
    ['1.3', 22, 9],
    ['1.4', 22, 10],
    ['1.5', 50, 10],
    ['1.6', 51, 11],
  ] as const)('schema %s allows %i webhook events and %i component types', (version, events, components) => {
    const rules = rulesFor(version);
    expect(rules.webhookEvents).toHaveLength(events);
    expect(new Set(rules.webhookEvents).size).toBe(events);
    expect(rules.componentTypes).toHaveLength(components);
  });

  it('keeps the latest version equal to the event list in events.ts and the full component list', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1));
    expect(rulesFor(LATEST_SCHEMA_VERSION).webhookEvents).toEqual(WEBHOOK_EVENTS);
    expect(rulesFor(LATEST_SCHEMA_VERSION).componentTypes).toEqual(COMPONENT_TYPES);
  });

  it('supports exactly the versions addon.config.yaml may declare', () => {
    const properties = addonConfigSchema.properties as Record<string, { enum?: string[] }>;
    expect(properties.schemaVersion?.enum).toEqual([...SCHEMA_VERSIONS]);
  });

  it('knows 30 distinct scopes', () => {
    expect(new Set(SCOPES).size).toBe(30);
  });

  it('requires scopes only in 1.2 and labels from 1.3 on, capped at 25 characters in 1.2', () => {
    expect(SCHEMA_VERSIONS.filter((version) => rulesFor(version).requiredFields.includes('scopes'))).toEqual(['1.2']);
    expect(SCHEMA_VERSIONS.filter((version) => rulesFor(version).componentLabel.required)).toEqual(['1.3', '1.4', '1.5', '1.6']);
    expect(rulesFor('1.2').componentLabel.maxLength).toBe(25);
  });

  it('says which versions have an event the declared one lacks', () => {
    expect(versionsAllowing((rules) => rules.webhookEvents, 'USER_UPDATED')).toEqual(['1.2', '1.5', '1.6']);
    expect(versionsAllowing((rules) => rules.componentTypes, 'invoices.action')).toEqual(['1.4', '1.5', '1.6']);
    expect(versionsAllowing((rules) => rules.webhookEvents, 'NOT_AN_EVENT')).toEqual([]);
  });
});
