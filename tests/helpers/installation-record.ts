import type { InstallationRecord } from '../../runtime/clockify/installations.js';

/** An active installation as `Installations.save` takes it, with tokens that look like secrets (to find in leaks). */
export const installationRecord = (overrides: Partial<InstallationRecord> = {}): InstallationRecord => ({
  workspaceId: 'ws-1',
  addonId: 'addon-1',
  status: 'ACTIVE',
  authToken: 'installation-token-secret',
  apiUrl: 'https://api.clockify.me/api',
  asUser: 'user-1',
  addonUserId: 'addon-user-1',
  webhookTokens: { '/webhooks/new-time-entry': 'webhook-token-secret' },
  settings: { tabs: [] },
  installedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  ...overrides,
});
