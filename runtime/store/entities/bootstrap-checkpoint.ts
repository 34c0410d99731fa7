import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** `running` only while this instance has the page in flight; a resumed job puts such pages back to `pending`. */
export const BOOTSTRAP_CHECKPOINT_STATES = ['pending', 'running', 'done', 'failed'] as const;

export type BootstrapCheckpointState = (typeof BOOTSTRAP_CHECKPOINT_STATES)[number];

/**
 * One page of one list of a bootstrap job: (job, operation, parent, page) is unique, so discovering a page twice
 * adds nothing and a restart reads only the pages not yet `done`. `parentId` holds the values of the list's path
 * parameters other than the workspace (`/`-joined; '' for a list of the workspace).
 */
export const BootstrapCheckpoint = defineEntity({
  name: 'BootstrapCheckpoint',
  tableName: 'bootstrap_checkpoint',
  properties: {
    id: p.integer().primary().autoincrement(),
    jobId: p.integer(),
    operationId: p.string().length(128),
    parentId: p.string().length(255),
    page: p.integer(),
    /** The operation's level in the plan (parents first). */
    level: p.integer(),
    state: p.string().length(16),
    records: p.integer(),
    /** HTTP attempts spent on the page, retries included. */
    attempts: p.integer(),
    error: p.text().nullable(),
    /** A failed page is tried again no earlier than this. */
    notBefore: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
});

export type BootstrapCheckpoint = InferEntity<typeof BootstrapCheckpoint>;
