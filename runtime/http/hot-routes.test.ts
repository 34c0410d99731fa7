import { describe, expect, it } from 'vitest';
import { startTestAddon } from '../../tests/helpers/start-addon.js';
import { definePlugin, HttpError, type InlinePlugin } from '../index.js';
import { currentRequestId } from '../observability/request-context.js';

interface Seen {
  path: string;
  status: number;
  durationMs: number;
  error?: string;
}

/** A hot route and a plain one, each reporting whether it ran inside the request context; an observer of both. */
function routes(seen: Seen[], { throwingObserver = false } = {}): InlinePlugin {
  const plugin = definePlugin({
    name: 'routes',
    setup(ctx) {
      const answer = (c: Parameters<Parameters<typeof ctx.route>[2]>[0]) =>
        c.json({ requestId: c.get('requestId'), inContext: currentRequestId() !== undefined });
      ctx.route('POST', '/hot', answer, { auth: 'none', hot: true });
      ctx.route('POST', '/plain', answer, { auth: 'none' });
      ctx.route(
        'POST',
        '/hot-refusal',
        () => {
          throw new HttpError(409, 'HOT_REFUSAL', 'refused on purpose');
        },
        { auth: 'none', hot: true },
      );
      ctx.observe((c, durationMs) => {
        seen.push({ path: c.req.path, status: c.res.status, durationMs, ...(c.error ? { error: c.error.message } : {}) });
      });
      if (throwingObserver) {
        ctx.observe(() => {
          throw new Error('observer broke');
        });
      }
    },
  });
  return { plugin };
}

/** Global middleware that marks every response it sees. */
const marker: InlinePlugin = {
  plugin: definePlugin({
    name: 'marker',
    setup(ctx) {
      ctx.use(async (c, next) => {
        await next();
        c.header('X-Marked', 'yes');
      });
    },
  }),
};

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

describe('hot routes', () => {
  it('are served ahead of the global chain, outside the request context, with their id, access log line and observers', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [routes(seen)] });
    try {
      const hot = await post(`${test.url}/hot`, { 'X-Request-ID': 'hot-1' });
      expect(hot.headers.get('x-request-id')).toBe('hot-1');
      expect(await hot.json()).toEqual({ requestId: 'hot-1', inContext: false });
      const plain = await post(`${test.url}/plain`, { 'X-Request-ID': 'plain-1' });
      expect(await plain.json()).toEqual({ requestId: 'plain-1', inContext: true });

      expect(seen.map(({ path, status }) => [path, status])).toEqual([
        ['/hot', 200],
        ['/plain', 200],
      ]);
      expect(seen.every(({ durationMs }) => durationMs > 0)).toBe(true);
      const access = test.logs.records().filter((record) => record.msg === 'request');
      expect(access.map((record) => [record.requestId, record.path, record.status])).toEqual([
        ['hot-1', '/hot', 200],
        ['plain-1', '/plain', 200],
      ]);
    } finally {
      await test.close();
    }
  });

  it('answer their errors in the JSON error shape, logged with the request id although outside the context', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [routes(seen)] });
    try {
      const refused = await post(`${test.url}/hot-refusal`, { 'X-Request-ID': 'hot-2' });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toEqual({ error: { code: 'HOT_REFUSAL', message: 'refused on purpose', requestId: 'hot-2' } });
      const failed = test.logs.records().find((record) => record.msg === 'request failed');
      expect(failed).toMatchObject({ requestId: 'hot-2', status: 409, code: 'HOT_REFUSAL' });
      expect(seen).toEqual([{ path: '/hot-refusal', status: 409, durationMs: expect.any(Number), error: 'refused on purpose' }]);
    } finally {
      await test.close();
    }
  });

  it('take the global chain while a plugin adds global middleware, and the log says which plugin', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [routes(seen), marker] });
    try {
      const hot = await post(`${test.url}/hot`);
      expect(hot.headers.get('x-marked')).toBe('yes');
      expect((await hot.json()).inContext).toBe(true);
      expect(test.logs.records().find((record) => record.plugins === 'marker')?.msg).toMatch(/hot routes take the global middleware chain/);
    } finally {
      await test.close();
    }
  });
});

describe('request observers', () => {
  it('see every answered request once, unmatched ones too, and a throwing observer changes no response', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [routes(seen, { throwingObserver: true })] });
    try {
      expect((await post(`${test.url}/hot`)).status).toBe(200);
      expect((await post(`${test.url}/plain`)).status).toBe(200);
      expect((await fetch(`${test.url}/nowhere`)).status).toBe(404);
      expect(seen.map(({ path, status }) => [path, status])).toEqual([
        ['/hot', 200],
        ['/plain', 200],
        ['/nowhere', 404],
      ]);
      const failures = test.logs.records().filter((record) => record.msg === 'request observer failed');
      expect(failures).toHaveLength(3);
      expect(failures.every((record) => typeof record.requestId === 'string')).toBe(true);
    } finally {
      await test.close();
    }
  });
});
