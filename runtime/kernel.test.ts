import { describe, expect, it } from 'vitest';
import { startTestAddon } from '../tests/helpers/start-addon.js';
import { definePlugin, HttpError } from './index.js';

describe('createAddon', () => {
  it('serves a plugin route, the manifest and health endpoints over HTTP', async () => {
    const hello = definePlugin({
      name: 'hello',
      setup(ctx) {
        ctx.route('GET', '/hello', (c) => c.json({ hello: 'world' }), { auth: 'none' });
        ctx.route(
          'GET',
          '/teapot',
          () => {
            throw new HttpError(418, 'TEAPOT', 'short and stout');
          },
          { auth: 'none' },
        );
      },
    });
    const test = await startTestAddon({ plugins: [{ plugin: hello }] });
    try {
      expect(await (await fetch(`${test.url}/hello`)).json()).toEqual({ hello: 'world' });
      const teapot = await fetch(`${test.url}/teapot`, { headers: { 'X-Request-ID': 'req-1' } });
      expect(teapot.status).toBe(418);
      expect(await teapot.json()).toEqual({ error: { code: 'TEAPOT', message: 'short and stout', requestId: 'req-1' } });
      expect((await fetch(`${test.url}/manifest`)).status).toBe(200);
      expect((await fetch(`${test.url}/ready`)).status).toBe(200);
    } finally {
      await test.close();
    }
  });
});
