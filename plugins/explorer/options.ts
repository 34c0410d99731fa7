/** The `explorer` section of addon.config.yaml, after validation with defaults filled. */
export interface ExplorerOptions {
  /** The OpenAPI document to explore; the config's `openapi` when absent. Relative to the config file's folder. */
  openapi?: string;
  /** Who may use the explorer at all: `ADMINS` guards every route with the `admin` policy and shows the sidebar to admins only. */
  accessLevel: 'EVERYONE' | 'ADMINS';
  sidebar: {
    /** Contribute the sidebar component and serve its page; off when another plugin serves the page. */
    enabled: boolean;
    path: string;
    /** Sidebar text; Clockify's schema 1.2 caps labels at 25 characters. */
    label: string;
  };
  /** Cap of an execute request (its JSON envelope, the API body inside it included): 413 beyond. */
  maxBodyBytes: number;
  /** A response body larger than this reaches the browser cut, as text, with `truncated: true`. */
  maxResponseBytes: number;
  rateLimit: {
    /** Executions (replays included) one user may start per interval, per workspace; 429 with Retry-After beyond. */
    requests: number;
    intervalMs: number;
  };
  history: {
    /** Request and response bodies are stored cut to this many bytes. */
    maxBodyBytes: number;
    /** Calls older than this are deleted. */
    retentionDays: number;
    purgeIntervalMs: number;
  };
}

const integer = (minimum: number, fallback: number, description?: string) => ({
  type: 'integer',
  minimum,
  default: fallback,
  ...(description ? { description } : {}),
});

export const explorerOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    openapi: { type: 'string', minLength: 1 },
    accessLevel: { type: 'string', enum: ['EVERYONE', 'ADMINS'], default: 'EVERYONE' },
    sidebar: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { type: 'boolean', default: true },
        path: { type: 'string', pattern: '^/[^?#]*$', default: '/ui/sidebar' },
        label: { type: 'string', minLength: 1, maxLength: 25, default: 'API Explorer' },
      },
    },
    maxBodyBytes: integer(1024, 1024 * 1024),
    maxResponseBytes: integer(1024, 1024 * 1024),
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        requests: integer(1, 30),
        // rate-limiter-flexible counts in whole seconds.
        intervalMs: { type: 'integer', minimum: 1000, multipleOf: 1000, default: 60_000 },
      },
    },
    history: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        maxBodyBytes: integer(0, 64 * 1024),
        retentionDays: { type: 'number', exclusiveMinimum: 0, default: 30 },
        purgeIntervalMs: integer(100, 60 * 60_000),
      },
    },
  },
} as const;
