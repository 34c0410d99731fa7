import type { SecretBox } from '../security/secret-box.js';
import type { Store } from '../store/create-store.js';
import { Installation } from '../store/entities/installation.js';
import type { InstallationRecord, InstallationStatus, Installations } from './installations.js';

/** Installations in the database, tokens sealed with the secret box on the way in and opened on the way out. */
export function createInstallations(store: Store, box: SecretBox): Installations {
  const toRecord = (row: Installation): InstallationRecord => ({
    workspaceId: row.workspaceId,
    addonId: row.addonId,
    status: row.status as InstallationStatus,
    authToken: box.open(row.authToken),
    apiUrl: row.apiUrl ?? undefined,
    asUser: row.asUser ?? undefined,
    addonUserId: row.addonUserId ?? undefined,
    webhookTokens: row.webhookTokens ? (JSON.parse(box.open(row.webhookTokens)) as Record<string, string>) : {},
    settings: row.settings ?? undefined,
    installedAt: new Date(row.installedAt),
    updatedAt: new Date(row.updatedAt),
  });
  return {
    async find(workspaceId) {
      const row = await store.em().findOne(Installation, { workspaceId });
      return row ? toRecord(row) : null;
    },
    async save(record) {
      const row = {
        workspaceId: record.workspaceId,
        addonId: record.addonId,
        status: record.status,
        authToken: box.seal(record.authToken),
        apiUrl: record.apiUrl ?? null,
        asUser: record.asUser ?? null,
        addonUserId: record.addonUserId ?? null,
        webhookTokens: box.seal(JSON.stringify(record.webhookTokens)),
        settings: record.settings ?? null,
        installedAt: record.installedAt,
        updatedAt: record.updatedAt,
      };
      await store.em().upsert(Installation, row, { onConflictFields: ['workspaceId'], onConflictAction: 'merge' });
    },
    async remove(workspaceId) {
      const removed = await store.em().nativeDelete(Installation, { workspaceId });
      return removed > 0;
    },
    async list() {
      const rows = await store.em().find(Installation, {}, { orderBy: { workspaceId: 'asc' } });
      return rows.map(toRecord);
    },
  };
}
