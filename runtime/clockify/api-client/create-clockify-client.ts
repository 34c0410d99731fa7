import type { Logger } from 'pino';
import type { OperationIndex } from '../../openapi/types.js';
import type { InstallationRecord } from '../installations.js';
import { buildApiUrl, parseApiBase } from './api-url.js';
import { ClockifyApiError } from './client-errors.js';
import type { ClockifyMetrics } from './client-metrics.js';
import type { HostAllowlist } from './host-allowlist.js';
import { operationLabel } from './operation-label.js';
import { paginate } from './paginate.js';
import type { RateGovernor } from './rate-governor.js';
import { DEFAULT_RETRIES, isIdempotent, type RetryOptions } from './retry-policy.js';
import { type CallContext, runCall } from './run-call.js';
import type { HttpRequest } from './send-attempt.js';
import type { ClockifyClient, ClockifyRequest, ClockifyResponse } from './types.js';

/** Who the client calls as: a stored installation, or the API base and token of a verified Clockify token. */
export type ClockifyCredentials =
  | { installation: Pick<InstallationRecord, 'workspaceId' | 'apiUrl' | 'authToken'> }
  | { apiUrl: string; token: string; workspaceId: string };

export type ClockifyClientOptions = ClockifyCredentials & {
  /** Where the token may go; the API base must be on it, or creating the client throws CLOCKIFY_HOST_NOT_ALLOWED. */
  allowlist: HostAllowlist;
  /** Share one governor between every client of a process (the kernel's factory does), so limits hold per workspace. */
  governor: RateGovernor;
  /** Per attempt, the body read included (default 10000). */
  timeoutMs?: number;
  retries?: RetryOptions;
  /** Longest wait for a rate-limit slot before a call is refused (default: the governor's). */
  maxWaitMs?: number;
  metrics?: ClockifyMetrics;
  /** Names calls after their operationId in metrics. */
  operations?: Pick<OperationIndex, 'match'>;
  log?: Logger;
  /** The HTTP exchange (undici's `request` by default); tests wrap it. */
  request?: HttpRequest;
  /** Jitter source, for tests. */
  random?: () => number;
};

/**
 * A Clockify API client bound to one installation. The base URL comes from the installation (or token) only, never
 * from a request; every path is relative and checked; the token travels as `X-Addon-Token` and nowhere else: not in
 * logs, errors, results or this object's properties.
 */
export function createClockifyClient(options: ClockifyClientOptions): ClockifyClient {
  const { workspaceId, apiUrl, token } = credentialsOf(options);
  const { allowlist, operations, request: send, random = Math.random } = options;
  const base = parseApiBase(apiUrl, allowlist);
  const context: CallContext = {
    workspaceId,
    governor: options.governor,
    retries: { ...DEFAULT_RETRIES, ...options.retries },
    timeoutMs: options.timeoutMs ?? 10_000,
    maxWaitMs: options.maxWaitMs,
    metrics: options.metrics,
    log: options.log,
    request: send,
    random,
  };

  async function request<T>(call: ClockifyRequest): Promise<ClockifyResponse<T>> {
    const method = call.method.toUpperCase();
    if (method === 'GET' && call.body !== undefined) throw new ClockifyApiError('CLOCKIFY_REQUEST_INVALID', 'a GET carries no body');
    const url = buildApiUrl(base, call, workspaceId);
    allowlist.check(url);
    const filledPath = url.pathname.slice(base.path.length);
    const operation = operationLabel({ method, path: call.path, filledPath, workspaceId, operationId: call.operationId, operations });
    const encoded = encodeBody(call.body);
    const headers = new Headers(call.headers);
    headers.set('X-Addon-Token', token);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (encoded.contentType && !headers.has('Content-Type')) headers.set('Content-Type', encoded.contentType);
    const prepared = { url, method, headers, body: encoded.body, operation, idempotent: call.idempotent ?? isIdempotent(method) };
    return (await runCall({ ...prepared, signal: call.signal, send: call.send }, context)) as ClockifyResponse<T>;
  }

  const client: ClockifyClient = {
    workspaceId,
    baseUrl: `${base.origin}${base.path}`,
    url: (target) => buildApiUrl(base, target, workspaceId).toString(),
    request,
    get: (path, rest) => request({ ...rest, method: 'GET', path }),
    post: (path, body, rest) => request({ ...rest, method: 'POST', path, body }),
    put: (path, body, rest) => request({ ...rest, method: 'PUT', path, body }),
    patch: (path, body, rest) => request({ ...rest, method: 'PATCH', path, body }),
    delete: (path, rest) => request({ ...rest, method: 'DELETE', path }),
    paginate: (path, rest) => paginate(client, path, rest),
  };
  return client;
}

function credentialsOf(options: ClockifyCredentials): { workspaceId: string; apiUrl: string | undefined; token: string } {
  if ('installation' in options) {
    const { workspaceId, apiUrl, authToken } = options.installation;
    return { workspaceId, apiUrl, token: authToken };
  }
  return { workspaceId: options.workspaceId, apiUrl: options.apiUrl, token: options.token };
}

function encodeBody(body: unknown): { body?: string; contentType?: string } {
  if (body === undefined) return {};
  // Text goes as text, labelled as fetch labels a string body when the caller names no type.
  if (typeof body === 'string') return { body, contentType: 'text/plain;charset=UTF-8' };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}
