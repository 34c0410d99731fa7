import { ClockifyApiError } from './client-errors.js';
import type { HostAllowlist } from './host-allowlist.js';

/** The installation's API base (`apiUrl` from INSTALLED, or the token's `backendUrl`), checked once. */
export interface ApiBase {
  readonly origin: string;
  /** The base path without a trailing slash, e.g. `/api`; REST paths go after it (PLATFORM.md §3.3). */
  readonly path: string;
}

export type QueryValue = string | number | boolean;
export type Query = Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined>>;

export interface ApiTarget {
  /** A path relative to the API base: `/v1/…` or `/addon/…`, optionally a template (`/v1/workspaces/{workspaceId}/tags`). */
  path: string;
  /** Values for the template's placeholders; `workspaceId` defaults to the client's workspace. */
  params?: Readonly<Record<string, string | number>>;
  query?: Query;
}

// The characters a Clockify API path is made of; `?`, `#`, `\`, whitespace and anything non-ASCII are not among them.
const PATH_CHARS = /^[A-Za-z0-9\-._~%{}/:,;=+!$&'()*]+$/;
const API_ROOT = /^\/(?:v1|addon)(?:\/|$)/;
const PLACEHOLDER = /\{([^{}/]+)\}/g;
const MAX_PATH_LENGTH = 2048;

/** Parses and checks an API base: http(s), no credentials, query or fragment, and a host on the allowlist. */
export function parseApiBase(apiUrl: string | undefined, allowlist: HostAllowlist): ApiBase {
  let base: URL;
  try {
    base = new URL(apiUrl ?? '');
  } catch {
    throw new ClockifyApiError('CLOCKIFY_API_URL_INVALID', apiUrl ? 'not a URL' : 'none stored');
  }
  const usable = ['http:', 'https:'].includes(base.protocol) && !base.username && !base.password && !base.search && !base.hash;
  if (!usable) throw new ClockifyApiError('CLOCKIFY_API_URL_INVALID', `${base.protocol}//${base.host}`);
  allowlist.check(base);
  return { origin: base.origin, path: base.pathname.replace(/\/+$/, '') };
}

/**
 * The URL of one call: the base's origin and path, then the caller's relative path with its placeholders filled.
 * Anything that could leave the base (an absolute URL, `//host`, `..`, an encoded slash or dot segment, a query
 * smuggled into the path) is refused, and the built URL is compared with what was intended, so URL normalisation
 * cannot change the host or path behind our back.
 */
export function buildApiUrl(base: ApiBase, { path, params = {}, query }: ApiTarget, workspaceId: string): URL {
  checkPath(path);
  const filled = fillPlaceholders(path, { workspaceId, ...params });
  checkSegments(filled);
  const url = new URL(base.origin);
  url.pathname = `${base.path}${filled}`;
  if (url.origin !== base.origin || url.pathname !== `${base.path}${filled}`) invalid(path, 'it would change once normalised');
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url;
}

function checkPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || path.length === 0) invalid(String(path), 'not a string');
  if (path.length > MAX_PATH_LENGTH) invalid(path, `longer than ${MAX_PATH_LENGTH} characters`);
  if (!PATH_CHARS.test(path)) invalid(path, 'it holds a character an API path never has (pass query parameters as `query`)');
  if (!API_ROOT.test(path)) invalid(path, 'it must start with /v1/ or /addon/');
}

function fillPlaceholders(path: string, values: Readonly<Record<string, string | number>>): string {
  return path.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') invalid(path, `no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}

function checkSegments(path: string): void {
  if (/[{}]/.test(path)) invalid(path, 'an unmatched brace');
  for (const segment of path.split('/').slice(1)) {
    const decoded = safeDecode(segment);
    if (decoded === undefined) invalid(path, 'a malformed percent-encoding');
    if (segment === '' || decoded === '.' || decoded === '..') invalid(path, 'an empty, "." or ".." segment');
    if (/[/\\?#]/.test(decoded)) invalid(path, 'an encoded "/", "\\", "?" or "#"');
  }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function invalid(path: string, reason: string): never {
  throw new ClockifyApiError('CLOCKIFY_PATH_INVALID', `"${path.slice(0, 120)}": ${reason}`);
}
