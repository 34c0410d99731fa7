import { type AddressInfo, createServer } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeClockifyApi, startFakeClockifyApi } from '../../../tests/helpers/fake-clockify-api.js';
import { createOperationIndex } from '../../openapi/operation-index.js';
import type { OpenApiDocument } from '../../openapi/types.js';
import { createClockifyMetrics } from './client-metrics.js';
import { type ClockifyClientOptions, createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createMemoryGovernor } from './memory-governor.js';
import type { RateGovernor } from './rate-governor.js';

let api: FakeClockifyApi;
let governor: RateGovernor;
beforeAll(async () => {
  api = await startFakeClockifyApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  governor = createMemoryGovernor();
});

function client(overrides: Partial<ClockifyClientOptions> = {}) {
  return createClockifyClient({
    apiUrl: api.apiUrl,
    token: 'secret',
    workspaceId: 'ws-1',
    allowlist: createHostAllowlist({ devHosts: ['127.0.0.1:*'] }),
    governor,
    retries: { maxAttempts: 3, baseDelayMs: 5 },
    ...overrides,
  } as ClockifyClientOptions);
}

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  return work.then(
    () => undefined,
    (error: { code?: string; name?: string }) => (error.name === 'AbortError' ? error.name : error.code),
  );
}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('retries', () => {
  it('retries a 429 after its Retry-After and a 503 after a backoff, then answers the success', async () => {
    api.script({ status: 429, headers: { 'Retry-After': '1' } }, { status: 503 }, { body: [{ id: 'p1' }] });
    const result = await client().get('/v1/workspaces/{workspaceId}/projects');
    expect(result).toMatchObject({ status: 200, attempts: 3, body: [{ id: 'p1' }] });
    const [first, second] = api.requests;
    // Honouring Retry-After is a lower bound on the gap; timers may round a millisecond or two.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(governor.stats()).toMatchObject({ acquired: 3, pauses: 1 });
  });

  it.each([400, 401, 403, 404, 409, 422])('does not retry HTTP %i', async (status) => {
    api.respond(() => ({ status, body: { message: 'no' } }));
    const result = await client().get('/v1/user');
    expect(result).toMatchObject({ status, ok: false, attempts: 1 });
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    ['GET', 500, 3],
    ['PUT', 502, 3],
    ['DELETE', 504, 3],
    ['POST', 500, 1],
    ['POST', 502, 1],
    ['PATCH', 504, 1],
    ['POST', 503, 3],
    ['PATCH', 429, 3],
  ] as const)('%s answered %i is attempted %i time(s)', async (method, status, attempts) => {
    api.respond(() => ({ status }));
    const body = method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' };
    const result = await client().request({ method, path: '/v1/workspaces/{workspaceId}/tags', body });
    expect(result).toMatchObject({ status, attempts });
    expect(api.requests).toHaveLength(attempts);
  });

  it('refuses a GET with a body before sending anything', async () => {
    expect(await codeOf(client().request({ method: 'GET', path: '/v1/user', body: {} }))).toBe('CLOCKIFY_REQUEST_INVALID');
    expect(api.requests).toHaveLength(0);
  });

  it('retries a POST marked idempotent like a GET', async () => {
    api.script({ status: 500 });
    const result = await client().post('/v1/workspaces/{workspaceId}/reports/detailed', {}, { idempotent: true });
    expect(result).toMatchObject({ status: 200, attempts: 2 });
  });

  it('gives up on a call that keeps timing out with CLOCKIFY_TIMEOUT; a POST is not repeated', async () => {
    api.respond(() => ({ delayMs: 1000 }));
    expect(await codeOf(client({ timeoutMs: 100, retries: { maxAttempts: 2, baseDelayMs: 1 } }).get('/v1/user'))).toBe('CLOCKIFY_TIMEOUT');
    expect(api.requests).toHaveLength(2);
    expect(await codeOf(client({ timeoutMs: 100 }).post('/v1/workspaces/{workspaceId}/tags', { name: 'x' }))).toBe('CLOCKIFY_TIMEOUT');
    expect(api.requests).toHaveLength(3);
  });

  it('retries a refused connection even for a POST, since nothing was sent', async () => {
    const closed = client({ apiUrl: `http://127.0.0.1:${await closedPort()}/api` });
    const failure = await closed.post('/v1/workspaces/{workspaceId}/tags', { name: 'x' }).catch((error: Error) => error);
    expect(failure).toMatchObject({ code: 'CLOCKIFY_UNREACHABLE', message: expect.stringContaining('after 3 attempts') });
  });

  it('answers at once when Retry-After asks for longer than maxDelayMs, or a backoff would pass maxTotalMs', async () => {
    api.script({ status: 429, headers: { 'Retry-After': '3600' } });
    expect(await client().get('/v1/user')).toMatchObject({ status: 429, attempts: 1 });
    api.script({ status: 503 });
    const budgeted = client({ retries: { baseDelayMs: 1000, maxTotalMs: 100 }, random: () => 0.5 });
    expect(await budgeted.get('/v1/user')).toMatchObject({ status: 503, attempts: 1 });
  });

  it('stops waiting when the caller aborts', async () => {
    api.respond(() => ({ status: 503 }));
    const controller = new AbortController();
    const call = client({ retries: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxTotalMs: 120_000 }, random: () => 1 }).get('/v1/user', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await codeOf(call)).toBe('AbortError');
  });
});

describe('metrics', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'tags', version: '1' },
    paths: { '/v1/workspaces/{workspaceId}/tags': { get: { operationId: 'getTags', responses: { 200: { description: 'ok' } } } } },
  } as unknown as OpenApiDocument;

  it('counts calls by operation and final status, retries, 429s and governor waits', async () => {
    const registry = new Registry();
    const operations = createOperationIndex(document, { file: 'inline' });
    const metered = client({ metrics: createClockifyMetrics(registry), operations });
    api.script({ status: 429 }, { body: [] });
    await metered.get('/v1/workspaces/ws-1/tags');
    await metered.get('/v1/workspaces/{workspaceId}/projects/{id}', { params: { id: 'p1' } });
    await metered.get('/v1/workspaces/ws-1/clients/65a1b2c3d4e5f60718293a4b');
    await metered.get('/v1/user', { operationId: 'getLoggedUser' });
    const text = await registry.metrics();
    expect(text).toContain('addon_clockify_requests_total{operation="getTags",status="200"} 1');
    expect(text).toContain('addon_clockify_requests_total{operation="GET /v1/workspaces/{workspaceId}/projects/{id}",status="200"} 1');
    expect(text).toContain('addon_clockify_requests_total{operation="GET /v1/workspaces/{workspaceId}/clients/{id}",status="200"} 1');
    expect(text).toContain('addon_clockify_requests_total{operation="getLoggedUser",status="200"} 1');
    expect(text).toContain('addon_clockify_retries_total{operation="getTags",reason="429"} 1');
    expect(text).toContain('addon_clockify_rate_limited_total{operation="getTags"} 1');
    expect(text).toContain('addon_clockify_request_duration_seconds_count{operation="getTags"} 1');
    expect(text).toContain('addon_clockify_governor_wait_seconds_count 5');
  });

  it('counts a call that ended without an answer under its failure', async () => {
    const registry = new Registry();
    const failing = client({
      apiUrl: `http://127.0.0.1:${await closedPort()}/api`,
      metrics: createClockifyMetrics(registry),
      retries: { maxAttempts: 1 },
    });
    await failing.get('/v1/user').catch(() => undefined);
    expect(await registry.metrics()).toContain('addon_clockify_requests_total{operation="GET /v1/user",status="unreachable"} 1');
  });
});
