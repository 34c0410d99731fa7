import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExplorerTest, MEMBER_ID, startExplorerTest } from '../helpers/explorer-addon.js';

const BASE = '/ui/api-explorer';

describe('explorer limits: per-user rate, response and history sizes, metrics', () => {
  let test: ExplorerTest;

  beforeAll(async () => {
    test = await startExplorerTest({
      explorer: { rateLimit: { requests: 3, intervalMs: 60_000 }, maxResponseBytes: 2048, history: { maxBodyBytes: 512 } },
      clientTimeoutMs: 1500,
    });
  });
  afterAll(() => test?.close());

  const execute = (body: unknown, token?: string) => test.call('POST', `${BASE}/execute`, { body, token });

  it('cuts a large answer for the browser and smaller still for the history, flagging both', async () => {
    const answer = await execute({ operationId: 'getProjects', params: { query: { 'page-size': 12 } } });
    expect(answer.json).toMatchObject({ status: 200, truncated: true });
    const body = answer.json.body as string;
    expect(typeof body).toBe('string');
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(2048);
    expect(answer.json.sizeBytes).toBeGreaterThan(2048);
    const stored = await test.call<{ call: { responseBody: string; responseTruncated: boolean; responseBytes: number } }>(
      'GET',
      `${BASE}/history/${answer.json.historyId}`,
    );
    expect(stored.json.call).toMatchObject({ responseTruncated: true, responseBytes: answer.json.sizeBytes });
    expect(Buffer.byteLength(stored.json.call.responseBody)).toBeLessThanOrEqual(512);
    expect(body.startsWith(stored.json.call.responseBody)).toBe(true);
  });

  it('refuses executions over the per-user limit with 429 and Retry-After, counting each user apart', async () => {
    await execute({ operationId: 'getTags' });
    await execute({ operationId: 'getTags', dryRun: true });
    const before = test.simulator.requests.length;
    const refused = await execute({ operationId: 'getTags' });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(test.simulator.requests.length).toBe(before);
    const member = await test.token({ user: MEMBER_ID, workspaceRole: 'USER' });
    expect((await execute({ operationId: 'getTags' }, member)).json).toMatchObject({ status: 200 });
  });

  it('records a call that got no answer with its error, and answers with the client error', async () => {
    const caller = await test.token({ user: '64f1c0ffee00000000000002', workspaceRole: 'USER' });
    test.simulator.inject({ latencyMs: 2000 });
    const timedOut = await execute({ operationId: 'getUsersOfWorkspace' }, caller);
    test.simulator.inject({ latencyMs: 0 });
    expect(timedOut).toMatchObject({ status: 504, json: { error: { code: 'CLOCKIFY_TIMEOUT' } } });
    const history = await test.call<{ calls: { operationId: string; status: number | null; error: string | null }[] }>(
      'GET',
      `${BASE}/history?operationId=getUsersOfWorkspace`,
    );
    expect(history.json.calls[0]).toMatchObject({ status: null, error: expect.stringContaining('CLOCKIFY_TIMEOUT') });
  });

  it('counts calls by operation and status, and refusals by code', async () => {
    const text = await test.addon.addon.registry.metrics();
    expect(text).toContain('addon_explorer_calls_total{operation="getProjects",status="200"} 1');
    expect(text).toContain('addon_explorer_calls_total{operation="getTags",status="dry_run"} 1');
    expect(text).toContain('addon_explorer_rejections_total{operation="getTags",code="RATE_LIMITED"} 1');
    expect(text).toMatch(/addon_explorer_call_duration_seconds_count\{operation="getTags"\} \d/);
    expect(text).toContain('addon_explorer_calls_total{operation="getUsersOfWorkspace",status="clockify_timeout"} 1');
  });
});

describe('explorer access level and sidebar', () => {
  let admins: ExplorerTest;
  let open: ExplorerTest;

  beforeAll(async () => {
    admins = await startExplorerTest({ explorer: { accessLevel: 'ADMINS', sidebar: { label: 'Clockify API' } } });
    open = await startExplorerTest({ explorer: { sidebar: { enabled: false } } });
  });
  afterAll(async () => {
    await admins?.close();
    await open?.close();
  });

  it('contributes the sidebar and serves its static page framable by Clockify, the data behind a user token', async () => {
    expect(admins.addon.addon.manifest().components).toEqual([
      { type: 'sidebar', accessLevel: 'ADMINS', path: '/ui/sidebar', label: 'Clockify API' },
    ]);
    const page = await admins.call('GET', '/ui/sidebar');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<title>Clockify API</title>');
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // The page holds no data and no token (the shell shows its own screen for a missing or expired one)...
    const anonymous = await fetch(`${admins.addon.url}/ui/sidebar`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toBe(page.text);
    // ...while everything it shows comes from routes that need the token.
    expect((await fetch(`${admins.addon.url}${BASE}/endpoints`)).status).toBe(401);
  });

  it('keeps every route to admins when the access level says ADMINS', async () => {
    const member = await admins.token({ user: MEMBER_ID, workspaceRole: 'USER' });
    const refused = await admins.call('GET', `${BASE}/endpoints`, { token: member });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'ADMIN_REQUIRED' } } });
    expect((await admins.call('GET', `${BASE}/endpoints`)).status).toBe(200);
  });

  it('contributes no component and serves no page when the sidebar is off', async () => {
    expect(open.addon.addon.manifest().components).toEqual([]);
    expect((await open.call('GET', '/ui/sidebar')).status).toBe(404);
    expect((await open.call('GET', `${BASE}/endpoints`)).status).toBe(200);
  });
});
