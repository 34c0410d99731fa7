import { defineServiceKey } from '../plugin/service-key.js';

export type InstallationStatus = 'ACTIVE' | 'INACTIVE';

/** An installation as the runtime uses it: tokens decrypted (they are encrypted at rest). */
export interface InstallationRecord {
  workspaceId: string;
  addonId: string;
  status: InstallationStatus;
  /** The installation token: calls the Clockify API. Never logged, never sent to a browser. */
  authToken: string;
  apiUrl?: string;
  asUser?: string;
  addonUserId?: string;
  /** Webhook signature tokens from INSTALLED, keyed by the webhook's path (e.g. `/webhooks/new-time-entry`). */
  webhookTokens: Record<string, string>;
  settings?: unknown;
  installedAt: Date;
  updatedAt: Date;
}

/** One installation of one workspace: Clockify gives every (re)install a new addonId and never reuses one. */
export interface InstallationKey {
  workspaceId: string;
  addonId: string;
}

/**
 * Reads and writes installations; the kernel provides one to every plugin (`ctx.inject(installationsKey)`).
 * Every write goes through here, so the short read cache in front of the database stays coherent in this process.
 * Conditional writes name the addonId they are meant for: a call from an earlier installation matches nothing.
 */
export interface Installations {
  /** The stored installation, frozen (it may be shared with other callers for up to the cache time). */
  find(workspaceId: string): Promise<Readonly<InstallationRecord> | null>;
  /** Inserts, or replaces the installation of the same workspace. */
  save(record: InstallationRecord): Promise<void>;
  /** Removes the installation and its tokens; false when there was none. */
  remove(workspaceId: string): Promise<boolean>;
  list(): Promise<InstallationRecord[]>;
  /** One conditional UPDATE, so it cannot recreate a row a DELETED removed; false when nothing matched. */
  setStatus(key: InstallationKey, status: InstallationStatus, now: Date): Promise<boolean>;
  setSettings(key: InstallationKey, settings: unknown, now: Date): Promise<boolean>;
  /** Records the addonId as retired and removes the installation if it is that addonId's; true when a row went. */
  retire(key: InstallationKey, now: Date): Promise<boolean>;
  isRetired(key: InstallationKey): Promise<boolean>;
}

export const installationsKey = defineServiceKey<Installations>('kernel.installations');
