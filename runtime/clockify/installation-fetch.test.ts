import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstallationFetch } from './installation-fetch.js';

describe('createInstallationFetch', () => {
  const seen: { url: string; token?: string; type?: string; body: string }[] = [];
  let server: ReturnType<typeof serve>;
  let apiUrl: string;

  beforeAll(async () => {
    const app = new Hono();
    app.all('/api/*', async (c) => {
      seen.push({ url: c.req.url, token: c.req.header('x-addon-token'), type: c.req.header('content-type'), body: await c.req.text() });
      return c.json({ ok: true });
    });
    app.get('/redirect/*', (c) => c.redirect('http://elsewhere.invalid/'));
    server = await new Promise((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('calls a path under the stored apiUrl as the installation, the workspace filled in', async () => {
    const api = createInstallationFetch({ workspaceId: 'ws 1', apiUrl, authToken: 'installation-token' });
    const response = await api('/v1/workspaces/{workspaceId}/tags?page=2', { method: 'POST', body: '{"name":"x"}' });
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ token: 'installation-token', type: 'application/json', body: '{"name":"x"}' });
    expect(new URL(seen.at(-1)?.url ?? '').pathname + new URL(seen.at(-1)?.url ?? '').search).toBe('/api/v1/workspaces/ws%201/tags?page=2');
  });

  it('refuses absolute URLs, a missing apiUrl and redirects, so the token never leaves the API host', async () => {
    const api = createInstallationFetch({ workspaceId: 'ws', apiUrl, authToken: 't' });
    await expect(api('https://evil.example/steal')).rejects.toThrow(/path under the API base/);
    await expect(api('//evil.example/steal')).rejects.toThrow(/path under the API base/);
    await expect(createInstallationFetch({ workspaceId: 'ws', authToken: 't' })('/v1/x')).rejects.toThrow(/no apiUrl/);
    const redirecting = createInstallationFetch({ workspaceId: 'ws', apiUrl: apiUrl.replace('/api/', '/redirect/'), authToken: 't' });
    await expect(redirecting('/go')).rejects.toThrow();
  });
});
