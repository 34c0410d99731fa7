import type { AddonConfig } from '../../config/types.js';
import { WEBHOOK_EVENTS, type WebhookEventName } from '../events.js';

/**
 * What each Clockify manifest schema version allows, as data. Derived from the official schema files
 * (PLATFORM.md §2 and §5.2); `tests/integration/manifest-official-schemas.test.ts` checks these lists against them.
 */

export const SCHEMA_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6'] as const satisfies readonly AddonConfig['schemaVersion'][];
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];
export const LATEST_SCHEMA_VERSION: SchemaVersion = '1.6';

/** The same 30 in every supported version; WRITE does not imply READ. */
export const SCOPES = [
  'CLIENT_READ',
  'CLIENT_WRITE',
  'PROJECT_READ',
  'PROJECT_WRITE',
  'TAG_READ',
  'TAG_WRITE',
  'TASK_READ',
  'TASK_WRITE',
  'TIME_ENTRY_READ',
  'TIME_ENTRY_WRITE',
  'EXPENSE_READ',
  'EXPENSE_WRITE',
  'INVOICE_READ',
  'INVOICE_WRITE',
  'USER_READ',
  'USER_WRITE',
  'GROUP_READ',
  'GROUP_WRITE',
  'WORKSPACE_READ',
  'WORKSPACE_WRITE',
  'CUSTOM_FIELDS_READ',
  'CUSTOM_FIELDS_WRITE',
  'APPROVAL_READ',
  'APPROVAL_WRITE',
  'SCHEDULING_READ',
  'SCHEDULING_WRITE',
  'REPORTS_READ',
  'REPORTS_WRITE',
  'TIME_OFF_READ',
  'TIME_OFF_WRITE',
] as const;
export type Scope = (typeof SCOPES)[number];

export const SUBSCRIPTION_PLANS = ['FREE', 'BASIC', 'STANDARD', 'PRO', 'ENTERPRISE'] as const;
export const ACCESS_LEVELS = ['ADMINS', 'EVERYONE'] as const;

const BASE_COMPONENT_TYPES = [
  'sidebar',
  'widget',
  'timeoff.tab',
  'schedule.tab',
  'approvals.tab',
  'reports.tab',
  'activity.tab',
  'team.tab',
  'projects.tab',
] as const;
export const COMPONENT_TYPES = [...BASE_COMPONENT_TYPES, 'invoices.action', 'timeentries.action.uiblocks'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** USER_DROPDOWN_* arrived in 1.2, so every supported version has all eight. */
export const SETTING_TYPES = [
  'TXT',
  'NUMBER',
  'DROPDOWN_SINGLE',
  'DROPDOWN_MULTIPLE',
  'CHECKBOX',
  'LINK',
  'USER_DROPDOWN_SINGLE',
  'USER_DROPDOWN_MULTIPLE',
] as const;
export type SettingType = (typeof SETTING_TYPES)[number];

/** Clockify's documented cap per add-on (DOC-MAN); the schema files do not encode it. */
export const MAX_WEBHOOKS = 10;
export const KEY_LENGTH = { min: 2, max: 50 } as const;
export const NAME_LENGTH = { min: 1, max: 50 } as const;

// The webhook enum shrank in 1.3 and grew back in 1.5, so each version is the 1.6 list minus what it lacks.
const DROPPED_IN_1_3_RESTORED_IN_1_5 = [
  'ASSIGNMENT_CREATED',
  'ASSIGNMENT_DELETED',
  'ASSIGNMENT_PUBLISHED',
  'ASSIGNMENT_UPDATED',
  'CLIENT_DELETED',
  'CLIENT_UPDATED',
  'EXPENSE_CREATED',
  'EXPENSE_DELETED',
  'EXPENSE_UPDATED',
  'PROJECT_DELETED',
  'PROJECT_UPDATED',
  'TAG_DELETED',
  'TAG_UPDATED',
  'TASK_DELETED',
  'TASK_UPDATED',
  'USER_EMAIL_CHANGED',
  'USER_GROUP_CREATED',
  'USER_GROUP_DELETED',
  'USER_GROUP_UPDATED',
  'USER_UPDATED',
] as const satisfies readonly WebhookEventName[];
const ADDED_IN_1_5 = [
  'BILLABLE_RATE_UPDATED',
  'COST_RATE_UPDATED',
  'EXPENSE_RESTORED',
  'LIMITED_USERS_ADDED_TO_WORKSPACE',
  'TIME_ENTRY_RESTORED',
  'TIME_ENTRY_SPLIT',
  'TIME_OFF_REQUEST_UPDATED',
  'USERS_INVITED_TO_WORKSPACE',
] as const satisfies readonly WebhookEventName[];
const ADDED_IN_1_6 = ['TIME_OFF_REQUEST_STARTED'] as const satisfies readonly WebhookEventName[];

/** What one schema version allows where versions differ. */
export interface SchemaRules {
  readonly version: SchemaVersion;
  readonly webhookEvents: readonly WebhookEventName[];
  readonly componentTypes: readonly ComponentType[];
  readonly settingTypes: readonly SettingType[];
  /** Top-level fields the schema requires. */
  readonly requiredFields: readonly string[];
  readonly componentLabel: { readonly required: boolean; readonly maxLength?: number };
}

const REQUIRED = ['key', 'name', 'baseUrl', 'minimalSubscriptionPlan'] as const;

const RULES: Readonly<Record<SchemaVersion, SchemaRules>> = {
  '1.2': {
    version: '1.2',
    webhookEvents: without(WEBHOOK_EVENTS, [...ADDED_IN_1_5, ...ADDED_IN_1_6]),
    componentTypes: BASE_COMPONENT_TYPES,
    settingTypes: SETTING_TYPES,
    requiredFields: [...REQUIRED, 'scopes'],
    componentLabel: { required: false, maxLength: 25 },
  },
  '1.3': {
    version: '1.3',
    webhookEvents: without(WEBHOOK_EVENTS, [...DROPPED_IN_1_3_RESTORED_IN_1_5, ...ADDED_IN_1_5, ...ADDED_IN_1_6]),
    componentTypes: BASE_COMPONENT_TYPES,
    settingTypes: SETTING_TYPES,
    requiredFields: REQUIRED,
    componentLabel: { required: true },
  },
  '1.4': {
    version: '1.4',
    webhookEvents: without(WEBHOOK_EVENTS, [...DROPPED_IN_1_3_RESTORED_IN_1_5, ...ADDED_IN_1_5, ...ADDED_IN_1_6]),
    componentTypes: [...BASE_COMPONENT_TYPES, 'invoices.action'],
    settingTypes: SETTING_TYPES,
    requiredFields: REQUIRED,
    componentLabel: { required: true },
  },
  '1.5': {
    version: '1.5',
    webhookEvents: without(WEBHOOK_EVENTS, ADDED_IN_1_6),
    componentTypes: [...BASE_COMPONENT_TYPES, 'invoices.action'],
    settingTypes: SETTING_TYPES,
    requiredFields: REQUIRED,
    componentLabel: { required: true },
  },
  '1.6': {
    version: '1.6',
    webhookEvents: WEBHOOK_EVENTS,
    componentTypes: COMPONENT_TYPES,
    settingTypes: SETTING_TYPES,
    requiredFields: REQUIRED,
    componentLabel: { required: true },
  },
};

export function isSchemaVersion(value: unknown): value is SchemaVersion {
  return (SCHEMA_VERSIONS as readonly unknown[]).includes(value);
}

export function rulesFor(version: SchemaVersion): SchemaRules {
  return RULES[version];
}

/** The versions whose rules allow a value, for messages that say which `schemaVersion` would accept it. */
export function versionsAllowing(pick: (rules: SchemaRules) => readonly string[], value: string): SchemaVersion[] {
  return SCHEMA_VERSIONS.filter((version) => pick(RULES[version]).includes(value));
}

function without<T>(all: readonly T[], missing: readonly T[]): readonly T[] {
  return all.filter((item) => !missing.includes(item));
}
