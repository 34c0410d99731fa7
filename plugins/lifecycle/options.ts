import type { LifecycleType } from '../../runtime/index.js';

export interface LifecyclePaths {
  installed: string;
  deleted: string;
  statusChanged: string;
  settingsUpdated: string;
}

export interface SubscriptionCheckOptions {
  enabled: boolean;
  /** Wait after INSTALLED before asking Clockify, so the check does not race the platform finishing the install. */
  delayAfterInstallMs: number;
  timeoutMs: number;
}

export interface LifecycleOptions {
  paths: LifecyclePaths;
  maxBodyBytes: number;
  /** Where the admin UI reads the webhook subscription report. */
  healthPath: string;
  /** How long each plugin's lifecycle handler may run before Clockify is answered without waiting for it. */
  handlerTimeoutMs: number;
  subscriptionCheck: SubscriptionCheckOptions;
}

const path = (fallback: string) => ({ type: 'string', pattern: '^/', default: fallback });

export const lifecycleOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        installed: path('/lifecycle/installed'),
        deleted: path('/lifecycle/deleted'),
        statusChanged: path('/lifecycle/status-changed'),
        settingsUpdated: path('/lifecycle/settings-updated'),
      },
    },
    maxBodyBytes: { type: 'integer', minimum: 1024, default: 1_048_576, description: 'Body cap of the lifecycle routes.' },
    healthPath: path('/admin/webhooks/health'),
    handlerTimeoutMs: { type: 'integer', minimum: 100, default: 10_000 },
    subscriptionCheck: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { type: 'boolean', default: true },
        delayAfterInstallMs: { type: 'integer', minimum: 0, default: 5000 },
        timeoutMs: { type: 'integer', minimum: 100, default: 5000 },
      },
    },
  },
} as const;

/** Each lifecycle type with the route that receives it, in the order the manifest lists them. */
export function lifecycleRoutes(paths: LifecyclePaths): { type: LifecycleType; path: string }[] {
  return [
    { type: 'INSTALLED', path: paths.installed },
    { type: 'DELETED', path: paths.deleted },
    { type: 'STATUS_CHANGED', path: paths.statusChanged },
    { type: 'SETTINGS_UPDATED', path: paths.settingsUpdated },
  ];
}
