/** One entry of `plugins:` after normalisation. */
export interface PluginEntry {
  readonly use: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The `clockify` section: how the API client reaches Clockify (config/README.md, "Clockify API client"). */
export interface ClockifyClientConfig {
  readonly allowedHosts: readonly string[];
  readonly devHosts: readonly string[];
  readonly timeoutMs: number;
  readonly retries: {
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly maxTotalMs: number;
  };
  readonly rateLimit: {
    readonly perSecond: number;
    readonly burst: number;
    readonly maxWaitMs: number;
    readonly plans: Readonly<Record<string, { readonly requests: number; readonly intervalMs: number; readonly burst?: number }>>;
    readonly workspaces: Readonly<Record<string, string>>;
  };
}

/** The validated, frozen contents of `addon.config.yaml` (see config/addon.schema.json). */
export interface AddonConfig {
  readonly schemaVersion: '1.2' | '1.3' | '1.4' | '1.5' | '1.6';
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly baseUrl: string;
  readonly iconPath?: string;
  readonly minimalSubscriptionPlan: 'FREE' | 'BASIC' | 'STANDARD' | 'PRO' | 'ENTERPRISE';
  readonly scopes: readonly string[];
  readonly components: readonly Readonly<Record<string, unknown>>[];
  readonly settings?: string | Readonly<Record<string, unknown>>;
  readonly openapi: string;
  readonly server: {
    readonly port: number;
    readonly host: string;
    readonly shutdownTimeoutMs: number;
    readonly maxBodyBytes: number;
    readonly embedOrigins: readonly string[];
  };
  readonly database: { readonly url?: string; readonly dataDir: string; readonly debug: boolean };
  readonly redis: { readonly url?: string };
  readonly log: { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  readonly auth: { readonly publicKeys: readonly string[] };
  readonly security: { readonly encryptionKey?: string };
  readonly clockify: ClockifyClientConfig;
  readonly plugins: readonly PluginEntry[];
  /** Absolute path of the file it came from ('<inline>' when built in code); relative paths resolve against its folder. */
  readonly source: string;
  readonly baseDir: string;
}
