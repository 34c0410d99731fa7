import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * One installation of the add-on on a workspace. Tokens are stored encrypted (see the lifecycle plugin);
 * a DELETED lifecycle call removes the row, so nothing of an uninstalled workspace stays behind.
 */
export const Installation = defineEntity({
  name: 'Installation',
  tableName: 'installation',
  properties: {
    workspaceId: p.string().length(64).primary(),
    addonId: p.string().length(64),
    status: p.string().length(16),
    authToken: p.text(),
    apiUrl: p.string().length(512).nullable(),
    asUser: p.string().length(64).nullable(),
    addonUserId: p.string().length(64).nullable(),
    webhookTokens: p.text().nullable(),
    settings: p.json<unknown>().nullable(),
    installedAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type Installation = InferEntity<typeof Installation>;
