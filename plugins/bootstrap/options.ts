import { availableParallelism } from 'node:os';
import type { PlanOperationOptions } from '../../runtime/index.js';
import { LIVE_UPDATE_EVENTS, type LiveUpdateEvent } from './live-update-events.js';

/** The `bootstrap` section of addon.config.yaml, after validation with defaults filled (README.md lists each). */
export interface BootstrapOptions {
  /** Start a job when the add-on is installed on a workspace. */
  onInstall: boolean;
  include: string[];
  exclude: string[];
  pageSize: number;
  maxPageSize: number;
  maxPages: number;
  /** The period required `start`/`end` parameters cover (the scheduling lists), around the job's creation. */
  window: { pastDays: number; futureDays: number };
  operations: Record<string, PlanOperationOptions>;
  /** Pages of one job in flight at once: enough to keep the workspace's rate limit busy despite API latency. */
  concurrency: number;
  /** Pages of one list asked for before its end is known (1: strictly one after the other). */
  lookahead: number;
  /** Jobs one instance runs at once. */
  maxJobs: number;
  /** `requestsPerThread` unset: room in the pool for every page the jobs can have in flight ({@link poolRequestsPerThread}). */
  workers: { threads: number; requestsPerThread?: number };
  /** Tries of a page (each with the API client's own retries) before it counts as failed. */
  stepAttempts: number;
  retryDelayMs: number;
  leaseMs: number;
  pollIntervalMs: number;
  progressIntervalMs: number;
  /** Group commit: pages stored in one transaction of at most `maxRows` records, `statementRows` per statement, waiting at most `flushMs`. */
  writer: { flushMs: number; maxRows: number; statementRows: number };
  /** Webhook events that keep the local copy current (opt-in: a manifest holds at most 10 webhooks). */
  liveUpdates: LiveUpdateEvent[];
  adminPath: string;
}

const integer = (minimum: number, fallback: number, maximum?: number) => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
  default: fallback,
});
const operationIds = { type: 'array', default: [], uniqueItems: true, items: { type: 'string', minLength: 1 } };

export const bootstrapOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    onInstall: { type: 'boolean', default: true },
    include: operationIds,
    exclude: operationIds,
    pageSize: { ...integer(1, 50, 5000), description: 'page-size of lists that declare no maximum (Clockify default 50)' },
    maxPageSize: { ...integer(1, 1000, 5000), description: 'cap on a declared page-size maximum' },
    maxPages: integer(1, 1000),
    window: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { pastDays: integer(0, 365), futureDays: integer(0, 365) },
    },
    operations: {
      type: 'object',
      default: {},
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pageSize: { type: 'integer', minimum: 1, maximum: 5000 },
          maxPages: { type: 'integer', minimum: 1 },
          query: { type: 'object', additionalProperties: { type: 'string' } },
          parent: { type: 'string', minLength: 1 },
        },
      },
    },
    concurrency: integer(1, 16, 256),
    lookahead: integer(1, 3, 32),
    maxJobs: integer(1, 10, 1000),
    workers: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { threads: integer(0, defaultThreads(), 64), requestsPerThread: { type: 'integer', minimum: 1, maximum: 4096 } },
    },
    stepAttempts: integer(1, 3, 20),
    retryDelayMs: integer(0, 5000),
    leaseMs: integer(500, 30_000),
    pollIntervalMs: integer(10, 1000),
    progressIntervalMs: integer(50, 1000),
    writer: {
      type: 'object',
      additionalProperties: false,
      default: {},
      // SQLite refuses more than 500 rows in one multi-row upsert (STACK.md, gotcha 7).
      properties: { flushMs: integer(0, 20, 1000), maxRows: integer(1, 1000, 20_000), statementRows: integer(1, 100, 500) },
    },
    liveUpdates: { type: 'array', default: [], uniqueItems: true, items: { type: 'string', enum: [...LIVE_UPDATE_EVENTS] } },
    adminPath: { type: 'string', pattern: '^/[^?#]*[^/?#]$', default: '/admin/bootstrap' },
  },
} as const;

/**
 * One core is the event loop's: the pool gets the others (at least one thread, at most four, past which pages of a
 * rate-limited workspace never keep threads busy). On two cores a second thread only competes with the event loop it
 * is there to relieve: measured on (b) of the benchmark, the loop's delay p99 was higher with two threads than with one.
 */
export function defaultThreads(cores = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores - 1));
}

/**
 * Requests one pool thread keeps open at once. A page takes its rate-limit token before it is handed to the pool, so
 * a page that then waits in the pool's queue holds a spent token while nothing is sent: with ten jobs of 16 pages on
 * one thread of 64, a workspace was served 35 requests/s of the 46 its governor allowed (benchmark (b)). Unset, it is
 * what the jobs can have in flight, shared by the threads, so no page ever waits there.
 */
export function poolRequestsPerThread({
  workers,
  concurrency,
  maxJobs,
}: Pick<BootstrapOptions, 'workers' | 'concurrency' | 'maxJobs'>): number {
  return workers.requestsPerThread ?? Math.ceil((concurrency * maxJobs) / Math.max(1, workers.threads));
}
