import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * An installation Clockify has DELETED: only its ids, no tokens. Clockify gives each installation a new
 * addonId and never reuses one, so a lifecycle call that arrives late or again for a retired addonId
 * (e.g. a retried INSTALLED after the uninstall) is recognised as stale and cannot resurrect it.
 */
export const RetiredInstallation = defineEntity({
  name: 'RetiredInstallation',
  tableName: 'retired_installation',
  properties: {
    workspaceId: p.string().length(64).primary(),
    addonId: p.string().length(64).primary(),
    retiredAt: p.datetime(),
  },
});

export type RetiredInstallation = InferEntity<typeof RetiredInstallation>;
