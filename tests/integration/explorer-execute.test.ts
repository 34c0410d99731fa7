import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { type ExplorerTest, expectNoTokenLeak, MEMBER_ID, startExplorerTest } from '../helpers/explorer-addon.js';

const BASE = '/ui/api-explorer';

interface ErrorBody {
  error: { code: string; message: string; details?: { errors: { pointer: string; message: string }[] } };
}

describe.each(databaseKinds)('the API explorer against the simulator, on $name', ({ create }) => {
  let database: TestDatabase;
  let test: ExplorerTest;
  let workspaceId: string;

  beforeAll(async () => {
    database = await create();
    test = await startExplorerTest({ databaseUrl: database.url, explorer: { rateLimit: { requests: 1000 } } });
    workspaceId = test.simulator.workspaceId;
  });
  afterAll(async () => {
    await test?.close();
    await database?.drop();
  });

  const execute = <T = Record<string, unknown>>(body: unknown, token?: string) => test.call<T>('POST', `${BASE}/execute`, { body, token });
  const sent = () => test.simulator.requests.length;
  const pointers = (json: unknown) => ((json as ErrorBody).error.details?.errors ?? []).map((error) => error.pointer);

  it('executes a valid GET through the installation and records it in the history', async () => {
    const answer = await execute({ operationId: 'getProjects', params: { query: { 'page-size': 5 } } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ operationId: 'getProjects', status: 200, truncated: false, attempts: 1 });
    expect(answer.json.body).toHaveLength(5);
    expect(answer.json.headers).toMatchObject({ 'content-type': expect.stringContaining('json') });
    expect(typeof answer.json.durationMs).toBe('number');
    expect(test.simulator.requests.at(-1)).toMatchObject({
      operationId: 'getProjects',
      status: 200,
      query: { 'page-size': '5' },
      workspaceId,
    });

    const history = await test.call<{ calls: Record<string, unknown>[] }>('GET', `${BASE}/history`);
    expect(history.json.calls[0]).toMatchObject({ id: answer.json.historyId, operationId: 'getProjects', method: 'GET', status: 200 });
    expect(history.json.calls[0]?.path).toBe(`/v1/workspaces/${workspaceId}/projects`);
    const detail = await test.call<{ call: Record<string, unknown> }>('GET', `${BASE}/history/${answer.json.historyId}`);
    expect(detail.json.call).toMatchObject({ params: { query: { 'page-size': '5' } }, replayable: true, responseTruncated: false });
    expect(detail.json.call.responseBody).toEqual(answer.json.body);
  });

  it('finds an operation by method and path, concrete or templated', async () => {
    const byPath = await execute({ method: 'GET', path: `/v1/workspaces/${workspaceId}/tags`, params: { query: { 'page-size': 2 } } });
    expect(byPath.json).toMatchObject({ operationId: 'getTags', status: 200 });
    const byTemplate = await execute({ method: 'get', path: '/v1/workspaces/{workspaceId}/tags', dryRun: true });
    expect(byTemplate.json).toMatchObject({ dryRun: true, operationId: 'getTags' });
    expect((await execute({ method: 'GET', path: '/v1/nowhere' })).json).toMatchObject({ error: { code: 'OPERATION_UNKNOWN' } });
  });

  it('rejects invalid parameters and bodies with every field error at its JSON pointer, sending nothing', async () => {
    const before = sent();
    const params = await execute<ErrorBody>({ operationId: 'getProjects', params: { query: { 'page-size': 'many', nope: 1 } } });
    expect(params.status).toBe(400);
    expect(params.json.error.code).toBe('INVALID_REQUEST');
    expect(pointers(params.json)).toEqual(expect.arrayContaining(['/params/query/page-size', '/params/query/nope']));
    const body = await execute<ErrorBody>({ operationId: 'createNewTag', body: { name: 5, color: 'red' }, confirm: true });
    expect(body.status).toBe(400);
    expect(pointers(body.json)).toContain('/body/name');
    const shape = await execute<ErrorBody>({ params: { query: { x: { deep: true } } }, confirm: 'yes' });
    expect(pointers(shape.json)).toEqual(['/params/query/x', '/confirm']);
    expect(sent()).toBe(before);
  });

  it('refuses path parameters that would leave their segment, and encodes the rest', async () => {
    const before = sent();
    for (const projectId of ['..', '../../users', 'a/b', 'a?hydrated=true', 'a#b', 'a\\b', '']) {
      const answer = await execute<ErrorBody>({ operationId: 'getProject', params: { path: { projectId } } });
      expect(answer.status, projectId).toBe(400);
      expect(pointers(answer.json), projectId).toContain('/params/path/projectId');
    }
    const encodedSlash = await execute<ErrorBody>({ method: 'GET', path: `/v1/workspaces/${workspaceId}/projects/..%2F..%2Fusers` });
    expect(pointers(encodedSlash.json)).toContain('/params/path/projectId');
    const query = await execute<ErrorBody>({ method: 'GET', path: `/v1/workspaces/${workspaceId}/projects?archived=true` });
    expect(pointers(query.json)).toEqual(['/path']);
    expect(sent()).toBe(before);

    const dry = await execute<{ request: { url: string } }>({
      operationId: 'getProject',
      params: { path: { projectId: '%2e%2e' } },
      dryRun: true,
    });
    expect(dry.json.request.url).toBe(`${test.simulator.apiUrl}/v1/workspaces/${workspaceId}/projects/%252e%252e`);
    const real = await execute({ operationId: 'getProject', params: { path: { projectId: '%2e%2e' } } });
    expect(real.status).toBe(200);
    expect(test.simulator.requests.at(-1)?.path).toBe(`/api/v1/workspaces/${workspaceId}/projects/%252e%252e`);
  });

  it("fills workspaceId from the token and refuses another workspace's", async () => {
    const other = 'ffffffffffffffffffffffff';
    const given = await execute<ErrorBody>({ operationId: 'getTags', params: { path: { workspaceId: other } } });
    expect(given.status).toBe(403);
    expect(given.json.error.code).toBe('WORKSPACE_FORBIDDEN');
    const inPath = await execute<ErrorBody>({ method: 'GET', path: `/v1/workspaces/${other}/tags` });
    expect(inPath.json.error.code).toBe('WORKSPACE_FORBIDDEN');
    const own = await execute({ operationId: 'getTags', params: { path: { workspaceId } } });
    expect(own.json).toMatchObject({ status: 200 });
  });

  it('lets a member read but not write, and an admin write only with confirm: true', async () => {
    const member = await test.token({ user: MEMBER_ID, workspaceRole: 'USER' });
    expect((await execute({ operationId: 'getTags' }, member)).json).toMatchObject({ status: 200 });
    const before = sent();
    const write = { operationId: 'createNewTag', body: { name: 'explorer tag' }, confirm: true };
    const refused = await execute<ErrorBody>(write, member);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('ADMIN_REQUIRED');
    const unconfirmed = await execute<ErrorBody>({ ...write, confirm: undefined });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(sent()).toBe(before);
    const created = await execute<{ status: number; body: { id: string; name: string } }>(write);
    expect(created.json).toMatchObject({ status: 201, body: { name: 'explorer tag' } });
    expect(test.simulator.requests.at(-1)).toMatchObject({ method: 'POST', operationId: 'createNewTag', status: 201 });
  });

  it('describes a dry run without sending anything or showing the token', async () => {
    const before = sent();
    const historyIds = async () =>
      (await test.call<{ calls: { id: number }[] }>('GET', `${BASE}/history?limit=200`)).json.calls.map((call) => call.id);
    const recorded = await historyIds();
    const member = await test.token({ user: MEMBER_ID, workspaceRole: 'USER' });
    const dry = await execute({ operationId: 'createNewTag', body: { name: 'not sent' }, dryRun: true }, member);
    expect(dry.status).toBe(200);
    expect(dry.json).toEqual({
      dryRun: true,
      operationId: 'createNewTag',
      request: {
        method: 'POST',
        url: `${test.simulator.apiUrl}/v1/workspaces/${workspaceId}/tags`,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { name: 'not sent' },
      },
      note: expect.stringContaining('server-side'),
    });
    expect(sent()).toBe(before);
    // Nothing was sent, so nothing joins the history either.
    expect(await historyIds()).toEqual(recorded);
  });

  it('answers 413 to a body over the limit and 401 to an expired token', async () => {
    const before = sent();
    const huge = JSON.stringify({ operationId: 'createNewTag', body: { name: 'x'.repeat(1024 * 1024) }, confirm: true });
    const tooLarge = await test.call<ErrorBody>('POST', `${BASE}/execute`, { raw: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const expired = await test.token({}, -3600);
    const late = await execute<ErrorBody>({ operationId: 'getTags' }, expired);
    expect(late.status).toBe(401);
    expect(late.json.error.code).toBe('TOKEN_EXPIRED');
    expect(sent()).toBe(before);
  });

  it('never lets the installation token reach a response or a log line', () => {
    expectNoTokenLeak(test);
  });
});
