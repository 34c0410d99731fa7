import type { InstallationRecord } from './installations.js';

/**
 * `fetch` bound to one installation: `path` is relative to its API base (`/v1/workspaces/{workspaceId}/tags`, the
 * placeholder filled in) and the installation token travels as `X-Addon-Token`. Answers the raw `Response`.
 */
export type InstallationFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface InstallationFetchOptions {
  /** Abandons a call that has not answered by then (unless the caller passes its own `signal`). */
  timeoutMs?: number;
}

/**
 * The smallest Clockify API access a webhook handler needs, kept to this one module so the API client (host
 * allowlist, rate governor, retries) can take its place. The host is the stored `apiUrl` only (PLATFORM.md §6.1: never
 * from a request), absolute URLs are refused, and redirects too, since they would carry the token to another host.
 */
export function createInstallationFetch(
  installation: Pick<InstallationRecord, 'workspaceId' | 'apiUrl' | 'authToken'>,
  { timeoutMs = 10_000 }: InstallationFetchOptions = {},
): InstallationFetch {
  return async function installationFetch(path, init = {}) {
    const url = apiUrlFor(installation, path);
    const headers = new Headers(init.headers);
    headers.set('X-Addon-Token', installation.authToken);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return fetch(url, { ...init, headers, redirect: 'error', signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
  };
}

function apiUrlFor({ apiUrl, workspaceId }: Pick<InstallationRecord, 'workspaceId' | 'apiUrl'>, path: string): URL {
  if (!apiUrl) throw new Error(`the installation of workspace ${workspaceId} has no apiUrl to call`);
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new Error(`pass a path under the API base, like /v1/workspaces/{workspaceId}/tags (got "${path.slice(0, 100)}")`);
  }
  const base = new URL(apiUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new Error(`the installation's apiUrl is not http(s): ${base.protocol}`);
  const filled = path.replaceAll('{workspaceId}', encodeURIComponent(workspaceId));
  return new URL(`${base.pathname.replace(/\/+$/, '')}${filled}`, base.origin);
}
