import { describe, expect, it } from 'vitest';
import { createTestAddon, startTestAddon } from '../tests/helpers/start-addon.js';
import { AddonError, definePlugin, defineServiceKey, HttpError, type InlinePlugin } from './index.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXBhcnQ';

async function bootError(plugins: InlinePlugin[]): Promise<AddonError> {
  const error = await createTestAddon({ plugins }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AddonError)) throw new Error(`expected an AddonError, got ${String(error)}`);
  return error;
}

describe('createAddon', () => {
  it('serves plugin routes, the manifest and health endpoints over HTTP', async () => {
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
      const manifest = await (await fetch(`${test.url}/manifest`)).json();
      expect(manifest).toMatchObject({ key: 'test-addon', name: 'Test Add-on', schemaVersion: '1.6' });
      const ready = await fetch(`${test.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, plugins: { status: 'ok' } } });
    } finally {
      await test.close();
    }
  });

  it('answers unknown paths with 404 and wrong methods with 405 and an Allow header, in the JSON error shape', async () => {
    const test = await startTestAddon();
    try {
      const missing = await fetch(`${test.url}/nowhere`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('NOT_FOUND');
      const wrongMethod = await fetch(`${test.url}/health`, { method: 'DELETE' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
      expect((await wrongMethod.json()).error.code).toBe('METHOD_NOT_ALLOWED');
    } finally {
      await test.close();
    }
  });

  it('answers an unexpected exception with a generic 500 and logs its stack', async () => {
    const faulty = definePlugin({
      name: 'faulty',
      setup(ctx) {
        ctx.route(
          'GET',
          '/boom',
          () => {
            throw new Error('connection to db-internal.local:5432 refused');
          },
          { auth: 'none' },
        );
      },
    });
    const test = await startTestAddon({ plugins: [{ plugin: faulty }] });
    try {
      const response = await fetch(`${test.url}/boom`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('db-internal');
      expect(JSON.parse(text).error).toMatchObject({ code: 'INTERNAL_ERROR' });
      const logged = test.logs.records().find((record) => record.msg === 'unexpected error');
      expect(String((logged?.err as { stack?: string })?.stack)).toContain('db-internal.local');
    } finally {
      await test.close();
    }
  });

  it('caps request bodies with 413 in the JSON error shape', async () => {
    const sink = definePlugin({
      name: 'sink',
      setup(ctx) {
        ctx.route('POST', '/sink', async (c) => c.json({ size: (await c.req.text()).length }), { auth: 'none', bodyLimit: 1000 });
      },
    });
    const test = await startTestAddon({ plugins: [{ plugin: sink }] });
    try {
      expect((await fetch(`${test.url}/sink`, { method: 'POST', body: 'x'.repeat(1000) })).status).toBe(200);
      const tooBig = await fetch(`${test.url}/sink`, { method: 'POST', body: 'x'.repeat(1001) });
      expect(tooBig.status).toBe(413);
      expect((await tooBig.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
      // Chunked bodies announce no length: they are counted as they stream.
      const chunked = (size: number) =>
        fetch(`${test.url}/sink`, {
          method: 'POST',
          body: new ReadableStream({
            start(controller) {
              for (let sent = 0; sent < size; sent += 100)
                controller.enqueue(new TextEncoder().encode('x'.repeat(Math.min(100, size - sent))));
              controller.close();
            },
          }),
          duplex: 'half',
        } as RequestInit);
      const fits = await chunked(1000);
      expect(fits.status).toBe(200);
      expect(await fits.json()).toEqual({ size: 1000 });
      const overflow = await chunked(5000);
      expect(overflow.status).toBe(413);
      expect((await overflow.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await test.close();
    }
  });
});

describe('request ids and logs', () => {
  const echo = definePlugin({
    name: 'echo',
    setup(ctx) {
      ctx.route(
        'POST',
        '/echo',
        async (c) => {
          const body = await c.req.json();
          c.get('log').info(
            { headers: Object.fromEntries(c.req.raw.headers), body, note: `token was ${c.req.header('authorization')}` },
            'echo called',
          );
          return c.json({ requestId: c.get('requestId') });
        },
        { auth: 'none' },
      );
    },
  });

  it('keeps a safe caller id, replaces an unsafe one, echoes it and tags every log line of the request', async () => {
    const test = await startTestAddon({ plugins: [{ plugin: echo }] });
    try {
      const post = (id: string) =>
        fetch(`${test.url}/echo`, { method: 'POST', headers: { 'X-Request-ID': id, 'content-type': 'application/json' }, body: '{}' });
      const kept = await post('trace-42.a:b');
      expect(kept.headers.get('x-request-id')).toBe('trace-42.a:b');
      expect((await kept.json()).requestId).toBe('trace-42.a:b');

      for (const unsafe of ['x'.repeat(129), 'bad id with spaces', '<script>alert(1)</script>']) {
        const replaced = await post(unsafe);
        const id = replaced.headers.get('x-request-id');
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect((await replaced.json()).requestId).toBe(id);
      }
      const lines = test.logs.records().filter((record) => record.requestId === 'trace-42.a:b');
      expect(lines.map((record) => record.msg)).toEqual(['echo called', 'request']);
      expect(lines[0]?.plugin).toBe('echo');
    } finally {
      await test.close();
    }
  });

  it('never writes a token from headers, query or body to the log', async () => {
    const test = await startTestAddon({ plugins: [{ plugin: echo }] });
    try {
      await fetch(`${test.url}/echo?auth_token=${JWT}&page=2`, {
        method: 'POST',
        headers: { authorization: `Bearer ${JWT}`, 'x-addon-token': 'opaque-installation-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          authToken: 'opaque-body-token',
          nested: { webhooks: [{ authToken: JWT }] },
          free: `text with ${JWT} inside`,
        }),
      });
      const text = test.logs.text();
      expect(text).toContain('echo called');
      expect(text).toContain('page=2');
      for (const secret of [JWT, 'opaque-installation-token', 'opaque-body-token', 'c2lnbmF0dXJlLXBhcnQ'])
        expect(text).not.toContain(secret);
      expect(text).toContain('[REDACTED]');
    } finally {
      await test.close();
    }
  });
});

describe('plugin lifecycle', () => {
  it('runs setup in dependency order, onReady in order and onClose in reverse order', async () => {
    const calls: string[] = [];
    const make = (name: string, dependsOn?: string[]) =>
      definePlugin({
        name,
        dependsOn,
        setup(ctx) {
          calls.push(`setup ${name}`);
          ctx.onReady(() => {
            calls.push(`ready ${name}`);
          });
          ctx.onClose(() => {
            calls.push(`close ${name}`);
          });
        },
      });
    const test = await startTestAddon({ plugins: [{ plugin: make('b', ['a']) }, { plugin: make('a') }] });
    await test.close();
    expect(calls).toEqual(['setup a', 'setup b', 'ready a', 'ready b', 'close b', 'close a']);
  });

  it('shares services between plugins with provide and inject', async () => {
    const greeting = defineServiceKey<{ greet(name: string): string }>('greeting');
    const provider = definePlugin({ name: 'provider', setup: (ctx) => ctx.provide(greeting, { greet: (name) => `hello ${name}` }) });
    let seen = '';
    const consumer = definePlugin({
      name: 'consumer',
      dependsOn: ['provider'],
      setup(ctx) {
        seen = ctx.inject(greeting).greet('ada');
      },
    });
    const { addon } = await createTestAddon({ plugins: [{ plugin: consumer }, { plugin: provider }] });
    await addon.close();
    expect(seen).toBe('hello ada');
  });

  it('PLUGIN_SETUP_FAILED names the plugin that threw', async () => {
    const thrower = definePlugin({
      name: 'thrower',
      setup() {
        throw new Error('cannot reach the mail server');
      },
    });
    const error = await bootError([{ plugin: thrower }]);
    expect(error.code).toBe('PLUGIN_SETUP_FAILED');
    expect(error.location.plugin).toBe('thrower');
    expect(error.message).toContain('cannot reach the mail server');
  });

  it('SERVICE_NOT_PROVIDED names the service and the plugin that asked', async () => {
    const needy = definePlugin({ name: 'needy', setup: (ctx) => void ctx.inject(defineServiceKey('mailer')) });
    const error = await bootError([{ plugin: needy }]);
    expect(error.code).toBe('SERVICE_NOT_PROVIDED');
    expect(error.message).toContain('"needy" needs service "mailer"');
  });

  it('ROUTE_POLICY_UNKNOWN and ROUTE_CONFLICT stop the boot', async () => {
    const unguarded = definePlugin({ name: 'unguarded', setup: (ctx) => ctx.route('GET', '/x', (c) => c.text('x'), { auth: 'magic' }) });
    const policyError = await bootError([{ plugin: unguarded }]);
    expect(policyError.code).toBe('ROUTE_POLICY_UNKNOWN');
    expect(policyError.message).toContain('defined policies: none');

    const first = definePlugin({ name: 'first', setup: (ctx) => ctx.route('GET', '/same', (c) => c.text('1'), { auth: 'none' }) });
    const second = definePlugin({ name: 'second', setup: (ctx) => ctx.route('GET', '/same', (c) => c.text('2'), { auth: 'none' }) });
    const conflict = await bootError([{ plugin: first }, { plugin: second }]);
    expect(conflict.code).toBe('ROUTE_CONFLICT');
    expect(conflict.location.plugin).toBe('second');
  });

  it('PLUGIN_READY_FAILED when an onReady hook throws', async () => {
    const late = definePlugin({
      name: 'late',
      setup(ctx) {
        ctx.onReady(() => {
          throw new Error('queue unavailable');
        });
      },
    });
    const { addon } = await createTestAddon({ plugins: [{ plugin: late }] });
    await expect(addon.start()).rejects.toMatchObject({ code: 'PLUGIN_READY_FAILED' });
    await addon.close();
  });
});
