import type { Context, Hono } from 'hono';
import type { ApiOperation, OpenApi } from '../openapi/index.js';
import type { Dataset } from './dataset.js';
import type { FaultInjector } from './faults.js';
import type { OperationPlan } from './operation-plan.js';
import type { Renderer } from './render.js';
import type { ApiRequestRecord } from './request-log.js';
import { serveOperation } from './serve-operation.js';
import type { ApiTokenCheck } from './verify-api-token.js';
import type { WorkspaceLimiter } from './workspace-limiter.js';

export interface ApiDependencies {
  openapi: OpenApi;
  plans: ReadonlyMap<string, OperationPlan>;
  dataset: Dataset;
  renderer: Renderer;
  verify(token: string | undefined): Promise<ApiTokenCheck>;
  limiter: WorkspaceLimiter;
  faults: FaultInjector;
  /** Every answered request is appended here. */
  requests: ApiRequestRecord[];
  /** The installed manifest's scopes; undefined grants every scope. */
  grantedScopes(): readonly string[] | undefined;
  /** `GET …/addons/{addonId}/webhooks`: the subscriptions Clockify made from the manifest. */
  listWebhooks(workspaceId: string, addonId: string): unknown;
}

interface Outcome {
  status: number;
  body?: unknown;
  workspaceId?: string;
  operationId?: string;
  fault?: ApiRequestRecord['fault'];
}

const ADDON_WEBHOOKS = /^\/v1\/workspaces\/([^/]+)\/addons\/([^/]+)\/webhooks$/;

/**
 * Serves the Clockify API under `/api`, recording each request it answers. Checks run in this order: injected
 * latency, the operation (404), the token (401) and its workspace (403), the rate limit (429), injected 429 bursts
 * and 5xx, the manifest's scopes (403), parameters and body against the document (400); then the answer.
 */
export function mountApi(app: Hono, dependencies: ApiDependencies): void {
  let arrivals = 0;
  app.all('/api/*', async function clockifyApi(c) {
    const seq = ++arrivals;
    const started = performance.now();
    const timestamp = Date.now();
    const url = new URL(c.req.url);
    const outcome = await answer(c, url, timestamp, dependencies);
    dependencies.requests.push({
      seq,
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: outcome.status,
      workspaceId: outcome.workspaceId,
      operationId: outcome.operationId,
      timestamp,
      durationMs: performance.now() - started,
      ...(outcome.fault ? { fault: outcome.fault } : {}),
    });
    if (outcome.body === undefined) return c.body(null, outcome.status as 204);
    return c.json(outcome.body, outcome.status as 200);
  });
}

async function answer(c: Context, url: URL, arrivedAt: number, dependencies: ApiDependencies): Promise<Outcome> {
  const { openapi, verify, limiter, faults } = dependencies;
  const path = url.pathname.slice('/api'.length);
  const delay = faults.delayMs();
  // When the request reaches the rate limiter: after the network latency, however late this process runs it.
  const reachesLimiterAt = arrivedAt + delay;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const match = openapi.index.match(c.req.method, path);
  const listing = c.req.method === 'GET' ? ADDON_WEBHOOKS.exec(path) : null;
  const operationId = match?.operation.operationId;
  if (!match && !listing) return failure(404, `no operation ${c.req.method} ${path} in ${openapi.file}`);
  const check = await verify(c.req.header('x-addon-token'));
  if (!check.ok) return failure(check.status, check.message, { operationId });
  const workspaceId = check.claims.workspaceId as string;
  const pathWorkspace = match?.params.workspaceId ?? listing?.[1];
  if (pathWorkspace !== undefined && pathWorkspace !== workspaceId)
    return failure(403, 'the token is for another workspace', { operationId, workspaceId });
  if (!limiter.take(workspaceId, reachesLimiterAt))
    return failure(429, 'Too many requests', { operationId, workspaceId, fault: 'rate-limit' });
  const fault = faults.outcome();
  if (fault) return failure(fault.status, `injected ${fault.status}`, { operationId, workspaceId, fault: fault.reason });
  if (listing)
    return { status: 200, body: dependencies.listWebhooks(listing[1] as string, listing[2] as string), workspaceId, operationId };
  const operation = (match as NonNullable<typeof match>).operation;
  const refused = await refusal(c, operation, match?.params ?? {}, url.searchParams, dependencies);
  if (refused) return { ...refused, workspaceId, operationId };
  const result = serveOperation(
    {
      operation,
      plan: dependencies.plans.get(operation.operationId) ?? { kind: 'generated', key: '' },
      params: match?.params ?? {},
      query: url.searchParams,
      // A read has no body: reading one would make the server build a full Request for nothing.
      body: operation.readOnly ? undefined : await readBody(c),
      user: typeof check.claims.user === 'string' ? check.claims.user : undefined,
    },
    dependencies,
  );
  return { ...result, workspaceId, operationId };
}

/** Scopes (403), then parameters and body against the document (400), as Clockify validates before it acts. */
async function refusal(
  c: Context,
  operation: ApiOperation,
  params: Record<string, string>,
  search: URLSearchParams,
  dependencies: ApiDependencies,
): Promise<Outcome | undefined> {
  const granted = dependencies.grantedScopes();
  const missing = granted ? operation.scopes.filter((scope) => !granted.includes(scope)) : [];
  if (missing.length > 0) return failure(403, `the add-on lacks the scope ${missing.join(', ')}`);
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys()))
    query[name] = search.getAll(name).length > 1 ? search.getAll(name) : (search.get(name) as string);
  const { validators } = dependencies.openapi;
  const checked = validators.params(operation.operationId, { path: params, query });
  if (!checked.valid) return failure(400, checked.issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; '));
  if (operation.readOnly) return undefined;
  const body = await readBody(c);
  if (body === INVALID_JSON) return failure(400, 'the body is not valid JSON');
  const validBody = validators.body(operation.operationId, body);
  return validBody.valid ? undefined : failure(400, validBody.issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; '));
}

const INVALID_JSON = Symbol('invalid JSON');

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/** Clockify's error body: `{ message, code }`. */
function failure(status: number, message: string, extra: Omit<Outcome, 'status' | 'body'> = {}): Outcome {
  return { status, body: { message, code: status }, ...extra };
}
