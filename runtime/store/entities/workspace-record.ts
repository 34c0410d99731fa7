import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * The local copy of a workspace's Clockify data, filled by the bootstrap plugin and kept current by webhooks:
 * one row per record of a resource (`projects`, `projects/tasks`, `user/time-entries`). A record listed under several
 * parents (a manager of two users) is one row, under the parent that listed it last. DELETED removes a workspace's rows.
 */
export const WorkspaceRecord = defineEntity({
  name: 'WorkspaceRecord',
  tableName: 'workspace_record',
  properties: {
    workspaceId: p.string().length(64).primary(),
    resource: p.string().length(128).primary(),
    recordId: p.string().length(255).primary(),
    /** The parent list's record(s) it was listed under, `/`-joined; '' for a list of the workspace. */
    parentId: p.string().length(255),
    body: p.json<unknown>(),
    updatedAt: p.datetime(),
  },
});

export type WorkspaceRecord = InferEntity<typeof WorkspaceRecord>;
