import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { sendAttempt } from './send-attempt.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const attempt = (url: string, overrides: Partial<Parameters<typeof sendAttempt>[0]> = {}) =>
  sendAttempt({ url: new URL(url), method: 'GET', headers: new Headers({ accept: 'application/json' }), timeoutMs: 2000, ...overrides });

describe('sendAttempt (undici request)', () => {
  it('returns the status, the headers (names lower-cased, repeats joined) and the parsed JSON body', async () => {
    const base = await serve((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('X-Seen', [String(request.headers['x-addon-token']), String(request.method)]);
      response.end(JSON.stringify({ ok: true }));
    });
    const outcome = await attempt(`${base}/v1/user`, { headers: new Headers({ 'X-Addon-Token': 'abc' }) });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: { ok: true } });
    expect(outcome.kind === 'response' && outcome.headers['x-seen']).toBe('abc, GET');
  });

  it('keeps a non-JSON body as text and an empty one as null, and sends a body with its method', async () => {
    const base = await serve((request, response) => {
      let text = '';
      request.on('data', (chunk) => {
        text += chunk;
      });
      request.on('end', () => {
        if (request.method === 'DELETE') response.writeHead(204).end();
        else response.writeHead(201, { 'content-type': 'text/plain' }).end(`${request.method} ${text}`);
      });
    });
    expect(await attempt(base, { method: 'POST', body: '{"a":1}' })).toMatchObject({ status: 201, body: 'POST {"a":1}' });
    expect(await attempt(base, { method: 'DELETE' })).toMatchObject({ status: 204, body: null });
  });

  it('asks for a compressed answer and decodes gzip and brotli; a corrupt one is a network failure', async () => {
    const page = JSON.stringify(Array.from({ length: 200 }, (_, index) => ({ id: `entry-${index}`, description: 'x'.repeat(40) })));
    const accepted: (string | undefined)[] = [];
    const base = await serve((request, response) => {
      accepted.push(request.headers['accept-encoding']);
      const kind = request.url?.slice(1);
      const encoded = kind === 'gzip' ? gzipSync(page) : kind === 'br' ? brotliCompressSync(page) : Buffer.from('not gzip at all');
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': kind === 'br' ? 'br' : 'gzip' }).end(encoded);
    });
    for (const kind of ['gzip', 'br']) {
      const outcome = await attempt(`${base}/${kind}`);
      expect(outcome.kind === 'response' && (outcome.body as unknown[]).length, kind).toBe(200);
    }
    expect(await attempt(`${base}/corrupt`)).toMatchObject({ kind: 'error', failure: 'network' });
    expect(accepted).toEqual(['gzip, br', 'gzip, br', 'gzip, br']);
  });

  it('refuses to follow a redirect, which would carry the token to another host', async () => {
    let reached = false;
    const elsewhere = await serve((_request, response) => {
      reached = true;
      response.end('{}');
    });
    const base = await serve((_request, response) => response.writeHead(302, { location: `${elsewhere}/steal` }).end());
    await expect(attempt(base)).rejects.toMatchObject({ code: 'CLOCKIFY_REDIRECT_REFUSED' });
    expect(reached).toBe(false);
  });

  it('reports a refused connection as `connect` (nothing reached the server)', async () => {
    const base = await serve(() => {});
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    expect(await attempt(base)).toMatchObject({ kind: 'error', failure: 'connect' });
  });

  it('reports a connection dropped mid-answer as `network`, and an answer that never comes as `timeout`', async () => {
    const dropping = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"partial":');
      response.socket?.destroy();
    });
    expect(await attempt(dropping)).toMatchObject({ kind: 'error', failure: 'network' });
    const silent = await serve(() => {});
    expect(await attempt(silent, { timeoutMs: 100 })).toMatchObject({ kind: 'error', failure: 'timeout' });
  });

  it("throws the caller's abort reason rather than reporting a failure", async () => {
    const silent = await serve(() => {});
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await expect(attempt(silent, { signal: controller.signal })).rejects.toBe(reason);
  });
});
