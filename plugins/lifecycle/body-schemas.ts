import type { LifecycleType } from '../../runtime/index.js';

// Lengths follow the installation table's columns, so a valid body always fits the store.
const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
// Clockify's tokens are well under 2 KB; the cap only keeps absurd bodies out of the database.
const token = { type: 'string', minLength: 1, maxLength: 8192 } as const;

const installed = {
  type: 'object',
  required: ['workspaceId', 'addonId', 'authToken'],
  properties: {
    workspaceId: id,
    addonId: id,
    authToken: token,
    apiUrl: { type: 'string', minLength: 1, maxLength: 512 },
    asUser: id,
    addonUserId: id,
    webhooks: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['path', 'authToken'],
        properties: { path: { type: 'string', minLength: 1, maxLength: 2048 }, webhookType: { type: 'string' }, authToken: token },
      },
    },
  },
} as const;

const statusChanged = {
  type: 'object',
  required: ['workspaceId', 'addonId', 'status'],
  properties: { workspaceId: id, addonId: id, status: { enum: ['ACTIVE', 'INACTIVE'] } },
} as const;

const settingsUpdated = {
  type: 'object',
  required: ['workspaceId', 'addonId', 'settings'],
  properties: {
    workspaceId: id,
    addonId: id,
    settings: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['id', 'value'],
        properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' }, value: {} },
      },
    },
  },
} as const;

const deleted = {
  type: 'object',
  required: ['workspaceId', 'addonId'],
  properties: { workspaceId: id, addonId: id, asUser: id },
} as const;

/**
 * JSON Schemas of the lifecycle bodies (PLATFORM.md §4). Unknown fields are allowed: Clockify may add some,
 * and refusing an INSTALLED over a new field would break installs.
 */
export const lifecycleBodySchemas: Record<LifecycleType, Record<string, unknown>> = {
  INSTALLED: installed,
  STATUS_CHANGED: statusChanged,
  SETTINGS_UPDATED: settingsUpdated,
  DELETED: deleted,
};
