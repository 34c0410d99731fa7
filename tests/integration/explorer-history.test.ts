import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCall, ApiPreset } from '../../runtime/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { type ExplorerTest, expectNoTokenLeak, MEMBER_ID, startExplorerTest } from '../helpers/explorer-addon.js';

const BASE = '/ui/api-explorer';
const OTHER_WORKSPACE = 'eeeeeeeeeeeeeeeeeeeeeeee';

interface Call {
  id: number;
  operationId: string;
  status: number | null;
  replayable: boolean;
  userId: string;
}

describe.each(databaseKinds)('explorer history and presets on $name', ({ create }) => {
  let database: TestDatabase;
  let test: ExplorerTest;
  let member: string;

  beforeAll(async () => {
    database = await create();
    test = await startExplorerTest({ databaseUrl: database.url, explorer: { rateLimit: { requests: 1000 } } });
    member = await test.token({ user: MEMBER_ID, workspaceRole: 'USER' });
  });
  afterAll(async () => {
    await test?.close();
    await database?.drop();
  });

  const execute = (body: unknown, token?: string) => test.call('POST', `${BASE}/execute`, { body, token });
  const history = async (query = '') => (await test.call<{ calls: Call[]; nextCursor?: string }>('GET', `${BASE}/history${query}`)).json;

  it("pages the caller's workspace history newest first and never shows another workspace's calls", async () => {
    const em = test.addon.addon.store.em();
    await em.insert(ApiCall, {
      workspaceId: OTHER_WORKSPACE,
      userId: MEMBER_ID,
      operationId: 'getTags',
      method: 'GET',
      path: `/v1/workspaces/${OTHER_WORKSPACE}/tags`,
      params: '{"path":{},"query":{},"header":{}}',
      replayable: true,
      status: 200,
      durationMs: 3,
      responseBytes: 2,
      responseBody: '[]',
      responseTruncated: false,
      createdAt: new Date(),
    });
    for (const operationId of ['getTags', 'getProjects', 'getTags']) await execute({ operationId });
    const first = await history('?limit=2');
    expect(first.calls.map((call) => call.operationId)).toEqual(['getTags', 'getProjects']);
    const second = await history(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.calls.map((call) => call.operationId)).toEqual(['getTags']);
    expect(second.nextCursor).toBeUndefined();
    expect((await history('?operationId=getProjects')).calls).toHaveLength(1);
    const foreign = await em.findOneOrFail(ApiCall, { workspaceId: OTHER_WORKSPACE });
    expect((await test.call('GET', `${BASE}/history/${foreign.id}`)).json).toMatchObject({ error: { code: 'CALL_NOT_FOUND' } });
    expect((await test.call('GET', `${BASE}/history?limit=0`)).json).toMatchObject({ error: { code: 'INVALID_PARAMETER' } });
    expect((await test.call('GET', `${BASE}/history/abc`)).json).toMatchObject({ error: { code: 'INVALID_ID' } });
  });

  it('replays a call with the checks of an execution', async () => {
    const [latest] = (await history('?limit=1')).calls;
    const before = test.simulator.requests.length;
    const replay = await test.call('POST', `${BASE}/history/${latest?.id}/replay`);
    expect(replay.json).toMatchObject({ operationId: 'getTags', status: 200 });
    expect(test.simulator.requests.length).toBe(before + 1);
    expect((await history('?limit=1')).calls[0]?.id).toBe(replay.json.historyId);

    const write = await execute({ operationId: 'createNewTag', body: { name: 'replayed tag' }, confirm: true });
    const id = write.json.historyId;
    expect((await test.call('POST', `${BASE}/history/${id}/replay`)).json).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED' } });
    expect((await test.call('POST', `${BASE}/history/${id}/replay`, { body: { confirm: true }, token: member })).json).toMatchObject({
      error: { code: 'ADMIN_REQUIRED' },
    });
    const dry = await test.call('POST', `${BASE}/history/${id}/replay`, { body: { dryRun: true } });
    expect(dry.json).toMatchObject({ dryRun: true, request: { method: 'POST', body: { name: 'replayed tag' } } });
    expect((await test.call('POST', `${BASE}/history/${id}/replay`, { body: { confirm: true } })).json).toMatchObject({ status: 201 });
    expect((await test.call('POST', `${BASE}/history/${id}/replay`, { body: { params: {} } })).json).toMatchObject({
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('stores secrets redacted, and then refuses to replay what it cannot repeat exactly', async () => {
    const secret = await execute({ operationId: 'createNewTag', body: { name: 'with secret', apiKey: 'hunter2' }, confirm: true });
    const stored = await test.call<{ call: { requestBody: unknown; replayable: boolean } }>(
      'GET',
      `${BASE}/history/${secret.json.historyId}`,
    );
    expect(stored.json.call).toMatchObject({ requestBody: { name: 'with secret', apiKey: '[REDACTED]' }, replayable: false });
    expect(stored.text).not.toContain('hunter2');
    const replay = await test.call('POST', `${BASE}/history/${secret.json.historyId}/replay`, { body: { confirm: true } });
    expect(replay.status).toBe(409);
    expect(replay.json).toMatchObject({ error: { code: 'CALL_NOT_REPLAYABLE' } });
  });

  it("deletes the caller's own calls; another member's only as an admin", async () => {
    const mine = await execute({ operationId: 'getTags' }, member);
    const owners = await execute({ operationId: 'getTags' });
    const refused = await test.call('DELETE', `${BASE}/history/${owners.json.historyId}`, { token: member });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'NOT_YOURS' } } });
    expect((await test.call('DELETE', `${BASE}/history/${mine.json.historyId}`, { token: member })).json).toEqual({
      deleted: mine.json.historyId,
    });
    expect((await test.call('DELETE', `${BASE}/history/${owners.json.historyId}`)).status).toBe(200);
    expect((await test.call('GET', `${BASE}/history/${owners.json.historyId}`)).status).toBe(404);
  });

  it('keeps presets per workspace with unique names: create, read, update, delete', async () => {
    const preset = { name: 'First tags', operationId: 'getTags', params: { query: { 'page-size': 3 } } };
    const created = await test.call<{ preset: { id: number } }>('POST', `${BASE}/presets`, { body: preset, token: member });
    expect(created.status).toBe(201);
    expect(created.json.preset).toMatchObject({
      ...preset,
      params: { path: {}, query: { 'page-size': '3' }, header: {} },
      createdBy: MEMBER_ID,
    });
    const id = created.json.preset.id;
    expect(await test.call('POST', `${BASE}/presets`, { body: preset })).toMatchObject({
      status: 409,
      json: { error: { code: 'PRESET_NAME_TAKEN' } },
    });
    const invalid = await test.call('POST', `${BASE}/presets`, { body: { name: '', operationId: 'getTagz', extra: 1 } });
    expect(invalid.status).toBe(400);
    expect((invalid.json as { error: { details: { errors: { pointer: string }[] } } }).error.details.errors.map((e) => e.pointer)).toEqual([
      '/extra',
      '/name',
    ]);
    expect((await test.call('POST', `${BASE}/presets`, { body: { name: 'typo', operationId: 'getTagz' } })).json).toMatchObject({
      error: { details: { errors: [{ pointer: '/operationId' }] } },
    });
    expect((await test.call<{ presets: unknown[] }>('GET', `${BASE}/presets`)).json.presets).toHaveLength(1);
    expect((await test.call('GET', `${BASE}/presets/${id}`)).json).toMatchObject({ preset: { name: 'First tags' } });

    const renamed = { ...preset, name: 'Three tags', body: undefined };
    const updated = await test.call('PUT', `${BASE}/presets/${id}`, { body: renamed, token: member });
    expect(updated.json).toMatchObject({ preset: { id, name: 'Three tags' } });
    const other = await test.call<{ preset: { id: number } }>('POST', `${BASE}/presets`, { body: { ...preset, name: 'Owner preset' } });
    expect(await test.call('PUT', `${BASE}/presets/${other.json.preset.id}`, { body: renamed })).toMatchObject({ status: 409 });
    expect(await test.call('DELETE', `${BASE}/presets/${other.json.preset.id}`, { token: member })).toMatchObject({ status: 403 });
    expect((await test.call('DELETE', `${BASE}/presets/${id}`)).json).toEqual({ deleted: id });
    expect((await test.call('GET', `${BASE}/presets/${id}`)).json).toMatchObject({ error: { code: 'PRESET_NOT_FOUND' } });
  });

  it('never lets the installation token reach a response or a log line', () => {
    expect(test.bodies.length).toBeGreaterThan(20);
    expectNoTokenLeak(test);
    const calls = test.addon.logs.records().filter((line) => line.msg === 'explorer call');
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) expect(line).toMatchObject({ plugin: 'explorer', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("forgets the workspace's calls and presets when the add-on is uninstalled", async () => {
    await test.call('POST', `${BASE}/presets`, { body: { name: 'Kept until uninstall', operationId: 'getTags' } });
    const em = test.addon.addon.store.em();
    const workspaceId = test.simulator.workspaceId;
    expect(await em.count(ApiCall, { workspaceId })).toBeGreaterThan(0);
    await test.simulator.uninstall();
    expect(await em.count(ApiCall, { workspaceId })).toBe(0);
    expect(await em.count(ApiPreset, { workspaceId })).toBe(0);
    expect(await em.count(ApiCall, { workspaceId: OTHER_WORKSPACE })).toBe(1);
  });
});
