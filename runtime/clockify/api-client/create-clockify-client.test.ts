import { createServer, type Server } from 'node:net';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog } from '../../../tests/helpers/capture-log.js';
import { type FakeClockifyApi, startFakeClockifyApi } from '../../../tests/helpers/fake-clockify-api.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createMemoryGovernor } from './memory-governor.js';
import type { HttpRequest } from './send-attempt.js';

const TOKEN = 'installation-secret-7f3a9c';
const devAllowlist = createHostAllowlist({ devHosts: ['127.0.0.1:*'] });
let api: FakeClockifyApi;

beforeAll(async () => {
  api = await startFakeClockifyApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

function clientFor(apiUrl = api.apiUrl, overrides: Partial<Parameters<typeof createClockifyClient>[0]> = {}) {
  return createClockifyClient({
    apiUrl,
    token: TOKEN,
    workspaceId: 'ws-1',
    allowlist: devAllowlist,
    governor: createMemoryGovernor(),
    ...overrides,
  });
}

function failureOf(work: () => unknown): Promise<{ code?: string; message: string }> {
  return Promise.resolve()
    .then(work)
    .then(
      () => {
        throw new Error('expected a failure');
      },
      (error: { code?: string; message: string }) => error,
    );
}

/** A bare TCP listener that only counts the connections it accepts. */
async function countingListener(host: string): Promise<{ port: number; connections: () => number; server: Server }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, connections: () => connections, server };
}

describe('createClockifyClient', () => {
  it('calls the base URL with the installation token, JSON body and query, and answers status, headers and parsed body', async () => {
    api.script({ status: 201, body: { id: 'tag-1' }, headers: { 'X-Request-Id': 'abc' } });
    const client = createClockifyClient({
      installation: { workspaceId: 'ws-1', apiUrl: api.apiUrl, authToken: TOKEN },
      allowlist: devAllowlist,
      governor: createMemoryGovernor(),
    });
    const result = await client.post('/v1/workspaces/{workspaceId}/tags', { name: 'Blue' }, { query: { hydrated: true } });
    expect(result).toMatchObject({ status: 201, ok: true, body: { id: 'tag-1' }, attempts: 1 });
    expect(result.headers['x-request-id']).toBe('abc');
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/workspaces/ws-1/tags',
        query: { hydrated: 'true' },
        token: TOKEN,
        contentType: 'application/json',
        body: '{"name":"Blue"}',
      }),
    ]);
    api.reset();
    await client.post('/v1/workspaces/{workspaceId}/notes', 'hello');
    await client.post('/v1/workspaces/{workspaceId}/notes', 'hello', { headers: { 'Content-Type': 'application/xml' } });
    expect(api.requests.map(({ contentType, body }) => [contentType, body])).toEqual([
      ['text/plain;charset=UTF-8', 'hello'],
      ['application/xml', 'hello'],
    ]);
    expect(client.baseUrl).toBe(api.apiUrl);
  });

  it('answers text as text and an empty body as null', async () => {
    api.script({ body: 'plain' }, { status: 204 });
    expect((await clientFor().get('/v1/user')).body).toBe('plain');
    expect((await clientFor().delete('/v1/workspaces/{workspaceId}/tags/t1')).body).toBeNull();
  });

  it('refuses a host off the allowlist before any connection is made', async () => {
    const listener = await countingListener('127.0.0.2');
    let sent = 0;
    const request = ((...args: Parameters<HttpRequest>) => {
      sent += 1;
      return undiciRequest(...args);
    }) as HttpRequest;
    try {
      const cases = [
        { apiUrl: `http://127.0.0.2:${listener.port}/api`, allowlist: devAllowlist },
        { apiUrl: `http://127.0.0.2:${listener.port}/api`, allowlist: createHostAllowlist() },
        {
          apiUrl: `http://127.0.0.2:${listener.port}/api`,
          allowlist: createHostAllowlist({ devHosts: [`127.0.0.2:${listener.port + 1}`] }),
        },
      ];
      for (const { apiUrl, allowlist } of cases) {
        const error = await failureOf(() => clientFor(apiUrl, { allowlist, request }).get('/v1/user'));
        expect(error.code).toBe('CLOCKIFY_HOST_NOT_ALLOWED');
      }
      expect(sent).toBe(0);
      expect(listener.connections()).toBe(0);
      // The listener does count connections: the refusals above are the client's, not the network's.
      await globalThis.fetch(`http://127.0.0.2:${listener.port}/`).catch(() => undefined);
      expect(listener.connections()).toBe(1);
    } finally {
      listener.server.close();
    }
  });

  it.each([
    'https://evil.example/v1/user',
    '//evil.example/v1/user',
    '/v1/../../../etc/passwd',
    '/v1/%2e%2e/%2e%2e/admin',
    '/v1/users/a%2f..%2f..%2fadmin',
    '/v1/user?redirect=https://evil.example',
    '/v1@evil.example/user',
    '\\\\evil.example\\v1',
  ])('refuses the smuggled path %s without sending anything', async (path) => {
    const error = await failureOf(() => clientFor().get(path));
    expect(error.code).toBe('CLOCKIFY_PATH_INVALID');
    expect(api.requests).toHaveLength(0);
  });

  it('does not let a caller’s header replace the installation token', async () => {
    await clientFor().get('/v1/user', { headers: { 'X-Addon-Token': 'forged' } });
    expect(api.requests[0]?.token).toBe(TOKEN);
  });

  it('never follows a redirect', async () => {
    api.script({ status: 302, headers: { Location: `${api.url}/api/v1/elsewhere` } });
    const error = await failureOf(() => clientFor().get('/v1/user'));
    expect(error.code).toBe('CLOCKIFY_REDIRECT_REFUSED');
    expect(api.requests.map((request) => request.path)).toEqual(['/api/v1/user']);
  });

  it('keeps the token out of logs, errors, results and the client itself', async () => {
    const logs = captureLog('trace');
    const client = clientFor(api.apiUrl, { log: logs.log, retries: { maxAttempts: 2, baseDelayMs: 1 }, timeoutMs: 200 });
    api.script({ status: 503 }, { status: 401, body: { message: 'bad token' } }, { delayMs: 1000 }, { delayMs: 1000 });
    const results = [await client.get('/v1/user')];
    expect(results[0]).toMatchObject({ status: 401, attempts: 2 });
    const errors = [
      await failureOf(() => client.get('/v1/user')),
      await failureOf(() => client.get('https://evil.example/')),
      await failureOf(() => clientFor('http://127.0.0.1:1/api', { log: logs.log, retries: { maxAttempts: 1 } }).get('/v1/user')),
      await failureOf(() => clientFor('https://evil.example/api')),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'CLOCKIFY_TIMEOUT',
      'CLOCKIFY_PATH_INVALID',
      'CLOCKIFY_UNREACHABLE',
      'CLOCKIFY_HOST_NOT_ALLOWED',
    ]);
    const seen = [
      logs.text(),
      JSON.stringify(results),
      JSON.stringify(client),
      ...errors.flatMap((error) => [String(error), (error as Error).stack, JSON.stringify(error), String((error as Error).cause)]),
    ].join('\n');
    expect(logs.records().some((record) => record.msg === 'clockify call retried')).toBe(true);
    expect(seen).not.toContain(TOKEN);
  });
});
