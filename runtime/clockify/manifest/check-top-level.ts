import {
  checkEnum,
  checkKnownKeys,
  checkList,
  checkRequired,
  checkText,
  checkUnique,
  checkUrlPath,
  describeValue,
  type Fields,
} from './field-checks.js';
import type { ProblemList } from './problems.js';
import { KEY_LENGTH, NAME_LENGTH, SCHEMA_VERSIONS, SCOPES, type SchemaRules, SUBSCRIPTION_PLANS } from './schema-rules.js';

const TOP_LEVEL_KEYS = [
  'schemaVersion',
  'key',
  'name',
  'description',
  'baseUrl',
  'iconPath',
  'minimalSubscriptionPlan',
  'scopes',
  'lifecycle',
  'webhooks',
  'components',
  'settings',
] as const;

/** The manifest's own fields: identity, base URL, plan and scopes. */
export function checkTopLevel(list: ProblemList, manifest: Fields, rules: SchemaRules): void {
  checkKnownKeys(list, [], manifest, TOP_LEVEL_KEYS);
  checkRequired(list, [], manifest, rules.requiredFields, ` in schema ${rules.version}`);
  if (manifest.schemaVersion !== undefined && !(SCHEMA_VERSIONS as readonly unknown[]).includes(manifest.schemaVersion)) {
    list.add(['schemaVersion'], `${describeValue(manifest.schemaVersion)} is not a supported schema version`, SCHEMA_VERSIONS);
  }
  checkText(list, ['key'], manifest.key, KEY_LENGTH);
  checkText(list, ['name'], manifest.name, NAME_LENGTH);
  checkText(list, ['description'], manifest.description);
  checkBaseUrl(list, manifest.baseUrl);
  checkUrlPath(list, ['iconPath'], manifest.iconPath);
  checkEnum(list, ['minimalSubscriptionPlan'], manifest.minimalSubscriptionPlan, SUBSCRIPTION_PLANS, { noun: 'a subscription plan' });
  checkScopes(list, manifest.scopes);
}

function checkBaseUrl(list: ProblemList, value: unknown): void {
  checkText(list, ['baseUrl'], value, { pattern: /^https?:\/\//, patternHint: 'start with http:// or https://' });
  if (typeof value === 'string' && /^https?:\/\//.test(value) && !URL.canParse(value)) {
    list.add(
      ['baseUrl'],
      `is not a valid URL (${JSON.stringify(value)}); set baseUrl or ADDON_BASE_URL to the public address Clockify calls`,
    );
  }
}

function checkScopes(list: ProblemList, scopes: unknown): void {
  if (scopes === undefined || !checkList(list, ['scopes'], scopes)) return;
  scopes.forEach((scope, index) => {
    checkEnum(list, ['scopes', index], scope, SCOPES, { noun: 'a Clockify scope' });
  });
  checkUnique(
    list,
    scopes.map((value, index) => ({ path: ['scopes', index], value })),
    (scope) => (typeof scope === 'string' ? scope : undefined),
    (scope) => `scope "${String(scope)}"`,
  );
}
