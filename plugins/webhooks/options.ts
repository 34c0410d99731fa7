import { WEBHOOK_EVENTS, type WebhookEventName } from '../../runtime/index.js';

export interface DispatchOptions {
  /** Events run at the same time (events of one workspace + entity never run together, whatever this says). */
  concurrency: number;
  /** Runs of a failing event, the first included, before it goes to `dead`. */
  maxAttempts: number;
  /** Wait before the first retry; doubles with each further attempt, up to `maxBackoffMs`, with jitter. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** How often the inbox is polled for due retries and events other instances received. */
  pollIntervalMs: number;
  /** Wait after start before the first dispatch. */
  startDelayMs: number;
  /** How long a claimed event belongs to this instance; renewed while its handlers run. */
  leaseMs: number;
  /** A handler still running after this long counts as failed (it is not interrupted, only no longer awaited). */
  handlerTimeoutMs: number;
  /** At shutdown, how long running handlers may take to finish before the process stops waiting. */
  stopTimeoutMs: number;
}

/** The `webhooks` section of addon.config.yaml, after validation with defaults filled. */
export interface WebhooksOptions {
  /** Extra events to subscribe to besides those some plugin handles; `all` asks for every one (more than Clockify allows). */
  events: 'all' | WebhookEventName[];
  /** Route path per event; `/webhooks/<kebab-event>` otherwise (NEW_TIME_ENTRY → /webhooks/new-time-entry). */
  paths: Partial<Record<WebhookEventName, string>>;
  maxBodyBytes: number;
  /** Prefix of the admin API (`<adminPath>/events…`). */
  adminPath: string;
  dispatch: DispatchOptions;
  retention: {
    /** Finished events (handled, dead, discarded) older than this are deleted; Clockify keeps its own logs 7 days. */
    days: number;
    intervalMs: number;
  };
}

const integer = (minimum: number, fallback: number) => ({ type: 'integer', minimum, default: fallback });

export const webhooksOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    events: {
      default: [],
      oneOf: [{ const: 'all' }, { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...WEBHOOK_EVENTS] } }],
    },
    paths: {
      type: 'object',
      default: {},
      propertyNames: { enum: [...WEBHOOK_EVENTS] },
      additionalProperties: { type: 'string', pattern: '^/[^?#]*$' },
    },
    maxBodyBytes: { ...integer(1024, 5 * 1024 * 1024), description: 'Body cap of the webhook routes (5 MiB).' },
    adminPath: { type: 'string', pattern: '^/[^?#]*[^/?#]$', default: '/admin/webhooks' },
    dispatch: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        concurrency: integer(1, 8),
        maxAttempts: integer(1, 12),
        initialBackoffMs: integer(1, 1000),
        maxBackoffMs: integer(1, 15 * 60_000),
        pollIntervalMs: integer(10, 1000),
        startDelayMs: integer(0, 0),
        leaseMs: integer(100, 30_000),
        handlerTimeoutMs: integer(10, 60_000),
        stopTimeoutMs: integer(0, 10_000),
      },
    },
    retention: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        days: { type: 'number', exclusiveMinimum: 0, default: 7 },
        intervalMs: integer(100, 60 * 60_000),
      },
    },
  },
} as const;
