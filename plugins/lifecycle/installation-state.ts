import {
  Installation,
  type InstallationRecord,
  type InstallationStatus,
  type Installations,
  RetiredInstallation,
  type Store,
} from '../../runtime/index.js';

/**
 * What the lifecycle calls do to the store. Every write names the addonId it is meant for, so a call
 * from a previous installation of the workspace (a different addonId) matches nothing and changes nothing.
 * Status and settings are single conditional UPDATEs, so they cannot recreate a row a DELETED removed.
 */
export interface InstallationState {
  find(workspaceId: string): Promise<InstallationRecord | null>;
  /** Inserts or replaces the workspace's installation; tokens are sealed by the kernel's Installations. */
  save(record: InstallationRecord): Promise<void>;
  setStatus(key: InstallationKey, status: InstallationStatus, now: Date): Promise<boolean>;
  setSettings(key: InstallationKey, settings: unknown, now: Date): Promise<boolean>;
  /** Records the addonId as retired and removes the installation if it is that addonId's; true when a row went. */
  retire(key: InstallationKey, now: Date): Promise<boolean>;
  isRetired(key: InstallationKey): Promise<boolean>;
}

export interface InstallationKey {
  workspaceId: string;
  addonId: string;
}

export function createInstallationState(store: Store, installations: Installations): InstallationState {
  return {
    find: (workspaceId) => installations.find(workspaceId),
    save: (record) => installations.save(record),
    async setStatus({ workspaceId, addonId }, status, now) {
      return (await store.em().nativeUpdate(Installation, { workspaceId, addonId }, { status, updatedAt: now })) > 0;
    },
    async setSettings({ workspaceId, addonId }, settings, now) {
      return (await store.em().nativeUpdate(Installation, { workspaceId, addonId }, { settings, updatedAt: now })) > 0;
    },
    retire({ workspaceId, addonId }, now) {
      // One transaction: another instance never sees the row gone without the tombstone that explains it.
      return store.em().transactional(async (em) => {
        await em
          .createQueryBuilder(RetiredInstallation)
          .insert({ workspaceId, addonId, retiredAt: now })
          .onConflict(['workspaceId', 'addonId'])
          .ignore()
          .execute();
        return (await em.nativeDelete(Installation, { workspaceId, addonId })) > 0;
      });
    },
    async isRetired({ workspaceId, addonId }) {
      return (await store.em().count(RetiredInstallation, { workspaceId, addonId })) > 0;
    },
  };
}
