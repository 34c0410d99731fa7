/**
 * Bodies of the four lifecycle calls (PLATFORM.md §4, samples in clockify/samples/lifecycle/).
 * Clockify may add fields, so each type lists what the runtime reads and the schemas allow the rest.
 */

export interface InstalledWebhook {
  /** The manifest path, or (as in Clockify's own example) the full URL of the webhook. */
  path: string;
  webhookType?: string;
  /** The signature every delivery of this webhook carries; stored sealed. */
  authToken: string;
}

export interface InstalledPayload {
  workspaceId: string;
  addonId: string;
  /** The installation token: admin rights on the workspace, no expiry. Never logged. */
  authToken: string;
  apiUrl?: string;
  asUser?: string;
  addonUserId?: string;
  webhooks?: InstalledWebhook[];
}

export interface StatusChangedPayload {
  workspaceId: string;
  addonId: string;
  status: 'ACTIVE' | 'INACTIVE';
}

export interface SettingValue {
  id: string;
  name?: string;
  value: unknown;
}

export interface SettingsUpdatedPayload {
  workspaceId: string;
  addonId: string;
  settings: SettingValue[];
}

export interface DeletedPayload {
  workspaceId: string;
  addonId: string;
  asUser?: string;
}

/** The body type of each lifecycle call, by type. */
export interface LifecycleBodies {
  INSTALLED: InstalledPayload;
  STATUS_CHANGED: StatusChangedPayload;
  SETTINGS_UPDATED: SettingsUpdatedPayload;
  DELETED: DeletedPayload;
}

// Handlers registered with `ctx.lifecycle.on(type, handler)` receive these bodies, typed.
declare module '../../runtime/index.js' {
  interface LifecyclePayloads {
    INSTALLED: InstalledPayload;
    STATUS_CHANGED: StatusChangedPayload;
    SETTINGS_UPDATED: SettingsUpdatedPayload;
    DELETED: DeletedPayload;
  }
}
