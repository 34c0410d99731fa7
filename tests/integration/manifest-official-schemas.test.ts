import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../runtime/clockify/build-manifest.js';
import { LIFECYCLE_TYPES, WEBHOOK_EVENTS } from '../../runtime/clockify/events.js';
import {
  ACCESS_LEVELS,
  COMPONENT_TYPES,
  rulesFor,
  SCHEMA_VERSIONS,
  SCOPES,
  type SchemaVersion,
  SETTING_TYPES,
  SUBSCRIPTION_PLANS,
} from '../../runtime/clockify/manifest/schema-rules.js';
import { findManifestProblems } from '../../runtime/clockify/manifest/validate-manifest.js';
import { buildConfig } from '../../runtime/index.js';
import { generatedFor } from '../fixtures/manifest-samples.js';
import { buildDefaultManifest } from '../helpers/default-manifest.js';
import { officialSchemasAvailable, officialSchemasDir, officialValidator } from '../helpers/official-manifest-schemas.js';

if (!officialSchemasAvailable) {
  console.warn(`${officialSchemasDir} is absent: the checks against Clockify's official manifest schemas are skipped`);
}

const suite = officialSchemasAvailable ? describe : describe.skip;

/** The smallest manifest each version accepts; the cross-checks vary one field of it. */
function minimal(version: SchemaVersion, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: version,
    key: 'my-addon',
    name: 'My Add-on',
    baseUrl: 'https://addon.example.com',
    minimalSubscriptionPlan: 'FREE',
    scopes: [],
    ...extra,
  };
}

/** Whether our validator and the official schema agree on each candidate manifest. */
function disagreements(version: SchemaVersion, candidates: readonly Record<string, unknown>[]): string[] {
  const official = officialValidator(version);
  return candidates.flatMap((manifest) => {
    const ours = findManifestProblems(manifest).length === 0;
    const theirs = official.accepts(manifest);
    return ours === theirs.ok
      ? []
      : [
          `${JSON.stringify(manifest)}: ours ${ours ? 'accepts' : 'rejects'}, official ${theirs.ok ? 'accepts' : `rejects (${theirs.errors})`}`,
        ];
  });
}

suite("manifests against Clockify's official schemas", () => {
  it.each(SCHEMA_VERSIONS)('a manifest generated for schema %s validates against that official schema', (version) => {
    const { config, contributions } = generatedFor(version);
    const manifest = buildManifest(buildConfig(config, { env: {} }), contributions);
    expect(manifest.schemaVersion).toBe(version);
    expect(officialValidator(version).accepts(manifest)).toEqual({ ok: true, errors: '' });
  });

  it('the default addon.config.yaml generates a manifest its declared schema accepts', async () => {
    const manifest = await buildDefaultManifest();
    expect(officialValidator(manifest.schemaVersion as SchemaVersion).accepts(manifest)).toEqual({ ok: true, errors: '' });
  });

  it.each(SCHEMA_VERSIONS)('our rules for schema %s list exactly the official enums and required fields', (version) => {
    const { schema } = officialValidator(version);
    const { definitions: defs } = schema;
    const rules = rulesFor(version);
    const enumOf = (definition: string, property: string) => new Set(defs[definition]?.properties[property]?.enum);
    expect(new Set(rules.webhookEvents)).toEqual(enumOf('webhook', 'event'));
    expect(new Set(rules.componentTypes)).toEqual(enumOf('component', 'type'));
    expect(new Set(rules.settingTypes)).toEqual(enumOf('setting', 'type'));
    expect(new Set(ACCESS_LEVELS)).toEqual(enumOf('component', 'accessLevel'));
    expect(new Set(LIFECYCLE_TYPES)).toEqual(enumOf('lifecycle', 'type'));
    expect(new Set(SCOPES)).toEqual(new Set((defs.scope as unknown as { enum: string[] }).enum));
    expect(new Set(SUBSCRIPTION_PLANS)).toEqual(new Set((defs.minimalSubscriptionPlan as unknown as { enum: string[] }).enum));
    expect(new Set(rules.requiredFields)).toEqual(new Set(schema.required));
    expect(defs.component?.required?.includes('label')).toBe(rules.componentLabel.required);
    expect(defs.component?.properties.label?.maxLength).toBe(rules.componentLabel.maxLength);
  });

  describe.each(SCHEMA_VERSIONS)('our validator and the official schema %s agree', (version) => {
    it('on every webhook event', () => {
      const events = [...WEBHOOK_EVENTS, 'TIME_ENTRY_BATCH_DELETED', 'TEST', 'new_time_entry'];
      expect(
        disagreements(
          version,
          events.map((event) => minimal(version, { webhooks: [{ event, path: '/webhook' }] })),
        ),
      ).toEqual([]);
    });

    it('on every scope', () => {
      const scopes = [...SCOPES, 'WORKSPACE_SETTINGS_READ', 'time_entry_read'];
      expect(
        disagreements(
          version,
          scopes.map((scope) => minimal(version, { scopes: [scope] })),
        ),
      ).toEqual([]);
    });

    it('on every component type and label length', () => {
      const component = (type: string, label?: string) => ({
        type,
        accessLevel: 'ADMINS',
        path: '/ui',
        ...(label === undefined ? {} : { label }),
      });
      const candidates = [
        ...[...COMPONENT_TYPES, 'invoices.tab'].map((type) => minimal(version, { components: [component(type, 'Label')] })),
        ...[undefined, 'l'.repeat(25), 'l'.repeat(26)].map((label) => minimal(version, { components: [component('sidebar', label)] })),
      ];
      expect(disagreements(version, candidates)).toEqual([]);
    });

    it('on every setting type', () => {
      const values: Record<string, unknown> = { NUMBER: 3, CHECKBOX: true, DROPDOWN_MULTIPLE: ['a'], USER_DROPDOWN_MULTIPLE: ['a'] };
      const candidates = [...SETTING_TYPES, 'TEXT'].map((type) => {
        const setting = { id: 's', name: 'S', accessLevel: 'ADMINS', type, value: values[type] ?? 'a', allowedValues: ['a'] };
        return minimal(version, { settings: { tabs: [{ id: 't', name: 'T', settings: [setting] }] } });
      });
      expect(disagreements(version, candidates)).toEqual([]);
    });
  });
});
