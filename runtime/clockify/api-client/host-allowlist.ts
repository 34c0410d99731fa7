import { ClockifyApiError } from './client-errors.js';

/**
 * Clockify's API hosts (PLATFORM.md §6.1). A `*` stands for exactly one DNS label, so `*.clockify.me` covers
 * `api.clockify.me`, `developer.clockify.me` and the regional `euc1.`/`use2.`/`euw2.`/`apse2.clockify.me`, and
 * `*.api.clockify.me` covers `reports.`, `pto.` and the regional `use2.api.clockify.me`; nothing deeper.
 */
export const CLOCKIFY_HOSTS: readonly string[] = ['api.clockify.me', 'developer.clockify.me', '*.clockify.me', '*.api.clockify.me'];

export interface HostAllowlistOptions {
  /** Reached over HTTPS only; a pattern without a port allows only 443. Default: {@link CLOCKIFY_HOSTS}. */
  hosts?: readonly string[];
  /** Local stand-ins such as the simulator (`127.0.0.1:*`, `localhost:8080`): HTTP allowed too. Default: none. */
  devHosts?: readonly string[];
}

export interface HostAllowlist {
  allows(url: URL): boolean;
  /** Throws CLOCKIFY_HOST_NOT_ALLOWED unless the URL's scheme, host and port are allowed. */
  check(url: URL): void;
  readonly patterns: readonly string[];
}

interface HostPattern {
  readonly source: string;
  /** The host, or for a wildcard the suffix after `*` (starting with a dot). */
  readonly host: string;
  readonly wildcard: boolean;
  /** `undefined`: the scheme's default port only; `'*'`: any port. */
  readonly port: number | '*' | undefined;
  readonly allowHttp: boolean;
}

const PATTERN = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\*|\d{1,5}))?$/;
const LABEL = /^[a-z0-9-]+$/;

/**
 * Where the installation token may be sent. Checked on the final URL of every attempt, before `fetch` is called,
 * so a refused host never sees a connection (DESIGN.md "Trust boundary").
 */
export function createHostAllowlist({ hosts = CLOCKIFY_HOSTS, devHosts = [] }: HostAllowlistOptions = {}): HostAllowlist {
  const patterns = [...hosts.map((host) => parsePattern(host, false)), ...devHosts.map((host) => parsePattern(host, true))];
  const allows = (url: URL) => patterns.some((pattern) => matches(pattern, url));
  return {
    allows,
    check(url) {
      if (!allows(url)) throw new ClockifyApiError('CLOCKIFY_HOST_NOT_ALLOWED', `${url.protocol}//${url.host}`);
    },
    patterns: patterns.map((pattern) => pattern.source),
  };
}

/** True when `host` is a valid allowlist entry (`api.clockify.me`, `*.clockify.me`, `127.0.0.1:*`, `[::1]:8080`). */
export function isHostPattern(host: string): boolean {
  return PATTERN.test(host.trim().toLowerCase());
}

function parsePattern(source: string, allowHttp: boolean): HostPattern {
  const found = PATTERN.exec(source.trim().toLowerCase());
  if (!found) throw new Error(`"${source}" is not a host pattern like api.clockify.me, *.clockify.me or 127.0.0.1:*`);
  const [, star, host = '', port] = found;
  return {
    source,
    host: star ? `.${host}` : host,
    wildcard: Boolean(star),
    port: port === undefined ? undefined : port === '*' ? '*' : Number(port),
    allowHttp,
  };
}

function matches(pattern: HostPattern, url: URL): boolean {
  if (url.protocol !== 'https:' && !(pattern.allowHttp && url.protocol === 'http:')) return false;
  if (url.username || url.password) return false;
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const port = url.port ? Number(url.port) : defaultPort;
  if (pattern.port === undefined ? port !== defaultPort : pattern.port !== '*' && pattern.port !== port) return false;
  if (!pattern.wildcard) return url.hostname === pattern.host;
  if (!url.hostname.endsWith(pattern.host)) return false;
  return LABEL.test(url.hostname.slice(0, -pattern.host.length));
}
