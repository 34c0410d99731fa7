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

/** Reads and writes installations; the kernel provides one to every plugin (`ctx.inject(installationsKey)`). */
export interface Installations {
  find(workspaceId: string): Promise<InstallationRecord | null>;
  /** Inserts, or replaces the installation of the same workspace. */
  save(record: InstallationRecord): Promise<void>;
  /** Removes the installation and its tokens; false when there was none. */
  remove(workspaceId: string): Promise<boolean>;
  list(): Promise<InstallationRecord[]>;
}

export const installationsKey = defineServiceKey<Installations>('kernel.installations');
