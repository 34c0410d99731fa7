/**
 * The one module that reads `process.env`. Everything else receives an `Environment` snapshot,
 * so tests pass their own and nothing depends on the process it happens to run in.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export function readEnvironment(): Environment {
  return Object.freeze({ ...process.env });
}

/** A well-known variable and the config path it overrides; the README's settings table lists the same. */
export interface EnvironmentOverride {
  variable: string;
  path: readonly string[];
  description: string;
  /** `append` adds comma/newline separated entries to an array instead of replacing it. */
  mode?: 'replace' | 'append';
  secret?: boolean;
}

export const environmentOverrides: readonly EnvironmentOverride[] = [
  { variable: 'PORT', path: ['server', 'port'], description: 'HTTP port (default 8080; 0 picks a free one).' },
  { variable: 'HOST', path: ['server', 'host'], description: 'Interface to listen on (default 0.0.0.0).' },
  {
    variable: 'ADDON_EMBED_ORIGINS',
    path: ['server', 'embedOrigins'],
    description: 'Origins allowed to embed the web components and call the UI APIs (CORS), comma separated.',
    mode: 'append',
  },
  { variable: 'ADDON_BASE_URL', path: ['baseUrl'], description: 'Public URL Clockify calls; overrides `baseUrl`.' },
  {
    variable: 'DATABASE_URL',
    path: ['database', 'url'],
    description: 'Absent: SQLite at ./data/addon.sqlite; `sqlite:<path>`: that file; `postgres://…`: PostgreSQL.',
    secret: true,
  },
  {
    variable: 'DATA_DIR',
    path: ['database', 'dataDir'],
    description: 'Folder for the default SQLite file and the generated key file (default ./data).',
  },
  { variable: 'REDIS_URL', path: ['redis', 'url'], description: 'Optional Redis; /ready checks it when set.', secret: true },
  { variable: 'LOG_LEVEL', path: ['log', 'level'], description: 'fatal, error, warn, info (default), debug, trace or silent.' },
  {
    variable: 'ADDON_ENCRYPTION_KEY',
    path: ['security', 'encryptionKey'],
    description: 'Key that encrypts tokens at rest (32 bytes, hex or base64); absent: generated into <DATA_DIR>/encryption.key.',
    secret: true,
  },
  {
    variable: 'CLOCKIFY_PUBLIC_KEYS',
    path: ['auth', 'publicKeys'],
    description: 'Extra trusted PEM public keys, inline or file paths, comma or newline separated.',
    mode: 'append',
  },
  {
    variable: 'CLOCKIFY_DEV_HOSTS',
    path: ['clockify', 'devHosts'],
    description: 'Extra hosts the API client may call, HTTP allowed (e.g. 127.0.0.1:* for the simulator), comma separated.',
    mode: 'append',
  },
];

/** Read by the CLI before the configuration exists: which file to load. */
export const CONFIG_PATH_VARIABLE = 'ADDON_CONFIG';
export const DEFAULT_CONFIG_PATH = './addon.config.yaml';

export function configPathFrom(env: Environment): string {
  return env[CONFIG_PATH_VARIABLE] || DEFAULT_CONFIG_PATH;
}
