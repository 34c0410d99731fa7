import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Where a bootstrap job stands; `done`, `failed` and `cancelled` are final until a retry puts a failed job back in the queue. */
export const BOOTSTRAP_JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

export type BootstrapJobState = (typeof BOOTSTRAP_JOB_STATES)[number];

/**
 * One bootstrap of a workspace's data (the bootstrap plugin): its plan as it was when the job was created, so a resumed
 * job reads the same lists with the same query, and its progress counters, refreshed from its checkpoints while it
 * runs. An instance owns a running job while `leaseUntil` is ahead; another takes it over once the lease runs out.
 */
export const BootstrapJob = defineEntity({
  name: 'BootstrapJob',
  tableName: 'bootstrap_job',
  properties: {
    id: p.integer().primary().autoincrement(),
    workspaceId: p.string().length(64),
    state: p.string().length(16),
    /** What started it: `installed` or `manual`. */
    reason: p.string().length(32),
    /** The plan's operations as JSON. */
    plan: p.text(),
    stepsTotal: p.integer(),
    stepsDone: p.integer(),
    stepsFailed: p.integer(),
    records: p.integer(),
    requests: p.integer(),
    /** Attempts that did not end in a stored page: 429s, 5xx, timeouts, refused pages. */
    errors: p.integer(),
    error: p.text().nullable(),
    createdAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: p.datetime().nullable(),
  },
});

export type BootstrapJob = InferEntity<typeof BootstrapJob>;
