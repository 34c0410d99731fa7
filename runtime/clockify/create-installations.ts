import type { SecretBox } from '../security/secret-box.js';
import type { Store } from '../store/create-store.js';
import { Installation } from '../store/entities/installation.js';
import { RetiredInstallation } from '../store/entities/retired-installation.js';
import type { InstallationRecord, InstallationStatus, Installations } from './installations.js';

export interface InstallationsOptions {
  /**
   * How long a read may be served from memory. Every request of a guarded route looks its installation up, and a
   * database round trip plus two decryptions cost more than the token check itself. Writes in this process clear
   * the entry at once; another instance sees a change made elsewhere after at most this long.
   */
  cacheTtlMs?: number;
  now?: () => number;
}

/** Installations in the database, tokens sealed with the secret box on the way in and opened on the way out. */
export function createInstallations(
  store: Store,
  box: SecretBox,
  { cacheTtlMs = 1000, now = Date.now }: InstallationsOptions = {},
): Installations {
  const cache = new Map<string, { record: InstallationRecord | null; expires: number }>();
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
  const written = async <T>(workspaceId: string, write: Promise<T>): Promise<T> => {
    cache.delete(workspaceId);
    try {
      return await write;
    } finally {
      cache.delete(workspaceId);
    }
  };
  return {
    async find(workspaceId) {
      const hit = cache.get(workspaceId);
      if (hit && hit.expires > now()) return hit.record;
      const row = await store.em().findOne(Installation, { workspaceId });
      // Frozen, so the cached record can be handed to every caller without a copy per request.
      const record = row ? freeze(toRecord(row)) : null;
      if (cacheTtlMs > 0) cache.set(workspaceId, { record, expires: now() + cacheTtlMs });
      return record;
    },
    save(record) {
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
      return written(
        record.workspaceId,
        store
          .em()
          .upsert(Installation, row, { onConflictFields: ['workspaceId'], onConflictAction: 'merge' })
          .then(() => undefined),
      );
    },
    remove(workspaceId) {
      return written(
        workspaceId,
        store
          .em()
          .nativeDelete(Installation, { workspaceId })
          .then((removed) => removed > 0),
      );
    },
    async list() {
      const rows = await store.em().find(Installation, {}, { orderBy: { workspaceId: 'asc' } });
      return rows.map(toRecord);
    },
    setStatus({ workspaceId, addonId }, status, at) {
      const update = store.em().nativeUpdate(Installation, { workspaceId, addonId }, { status, updatedAt: at });
      return written(
        workspaceId,
        update.then((changed) => changed > 0),
      );
    },
    setSettings({ workspaceId, addonId }, settings, at) {
      const update = store.em().nativeUpdate(Installation, { workspaceId, addonId }, { settings, updatedAt: at });
      return written(
        workspaceId,
        update.then((changed) => changed > 0),
      );
    },
    retire({ workspaceId, addonId }, at) {
      // One transaction: another instance never sees the row gone without the tombstone that explains it.
      const retiring = store.em().transactional(async (em) => {
        await em
          .createQueryBuilder(RetiredInstallation)
          .insert({ workspaceId, addonId, retiredAt: at })
          .onConflict(['workspaceId', 'addonId'])
          .ignore()
          .execute();
        return (await em.nativeDelete(Installation, { workspaceId, addonId })) > 0;
      });
      return written(workspaceId, retiring);
    },
    async isRetired({ workspaceId, addonId }) {
      return (await store.em().count(RetiredInstallation, { workspaceId, addonId })) > 0;
    },
  };
}

function freeze(record: InstallationRecord): InstallationRecord {
  Object.freeze(record.webhookTokens);
  if (record.settings && typeof record.settings === 'object') Object.freeze(record.settings);
  return Object.freeze(record);
}
