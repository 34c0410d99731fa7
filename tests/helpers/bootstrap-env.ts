import { expect } from 'vitest';
import type { JobView } from '../../plugins/bootstrap/index.js';
import type { PlannedOperation } from '../../runtime/index.js';
import { type DataSizes, startTestEnvironment, type TestEnvironment, type TestEnvironmentOptions } from '../../runtime/testkit/index.js';

/** Every read scope a plan list needs, so the plan holds all 19 lists of our document. */
export const EVERY_READ_SCOPE = [
  ...['TIME_ENTRY_READ', 'PROJECT_READ', 'USER_READ', 'TASK_READ', 'CLIENT_READ', 'TAG_READ', 'GROUP_READ'],
  ...['EXPENSE_READ', 'INVOICE_READ', 'APPROVAL_READ', 'TIME_OFF_READ', 'SCHEDULING_READ'],
];

/** Small enough for a test, and long enough that time entries take three pages (50, 50, 30). */
export const SMALL_SIZES: DataSizes = {
  users: 3,
  timeEntriesPerUser: 130,
  projects: 4,
  tasksPerProject: 3,
  clients: 5,
  tags: 5,
  default: 4,
};

export interface BootstrapEnvOptions {
  databaseUrl?: string;
  simulator?: TestEnvironmentOptions['simulator'];
  /** Options of the bootstrap plugin, over fast test defaults. */
  options?: Record<string, unknown>;
  /** Extra config (merged over the test defaults). */
  config?: Record<string, unknown>;
  /** Where the add-on logs (a captured log, to read what it wrote). */
  log?: TestEnvironmentOptions['log'];
}

/** The simulator and an add-on with the bootstrap plugin, installed (so a job starts), quiet lifecycle checks. */
export function startBootstrapEnv({ databaseUrl, simulator, options = {}, config = {}, log }: BootstrapEnvOptions = {}) {
  return startTestEnvironment({
    log,
    config: {
      scopes: EVERY_READ_SCOPE,
      clockify: { retries: { baseDelayMs: 20, maxDelayMs: 200 } },
      log: { level: 'error' },
      ...(databaseUrl ? { database: { url: databaseUrl } } : {}),
      ...config,
      plugins: [
        { use: 'lifecycle', options: { subscriptionCheck: { enabled: false } } },
        { use: 'bootstrap', options: { pollIntervalMs: 50, progressIntervalMs: 100, retryDelayMs: 50, ...options } },
        ...((config.plugins as unknown[] | undefined) ?? []),
      ],
    },
    simulator: { sizes: SMALL_SIZES, ...simulator },
  });
}

/** Calls the add-on's admin API as the workspace owner. */
export async function admin(
  env: TestEnvironment,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await env.simulator.userToken();
  const response = await fetch(`${env.addonUrl}/admin/bootstrap${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls `GET /jobs/:id` (the newest job when `id` is absent) until it leaves queued/running. */
export async function waitForJob(env: TestEnvironment, id?: number, timeout = 15_000): Promise<JobView> {
  let job: JobView | undefined;
  await expect
    .poll(
      async () => {
        const { body } = id === undefined ? await admin(env, '/jobs') : await admin(env, `/jobs/${id}`);
        job = id === undefined ? (body.jobs as JobView[])[0] : (body.job as JobView);
        return job?.state;
      },
      { timeout, interval: 100 },
    )
    .toMatch(/^(done|failed|cancelled)$/);
  return job as JobView;
}

/** Records per resource the simulator holds for a plan: a list's size times the records of its parent list. */
export function expectedCounts(operations: readonly PlannedOperation[], sizes: DataSizes): Record<string, number> {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const aliases: Record<string, string> = { 'projects/tasks': 'tasksPerProject', 'user/time-entries': 'timeEntriesPerUser' };
  const sizeOf = (resource: string) => sizes[resource] ?? sizes[aliases[resource] ?? ''] ?? sizes.default ?? 12;
  const countOf = (operation: PlannedOperation): number => {
    const parent = operation.parent && byId.get(operation.parent.operationId);
    return sizeOf(operation.resource) * (parent ? countOf(parent) : 1);
  };
  return Object.fromEntries(operations.map((operation) => [operation.resource, countOf(operation)]));
}
