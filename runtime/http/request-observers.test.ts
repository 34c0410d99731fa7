import { describe, expect, it } from 'vitest';
import { startTestAddon } from '../../tests/helpers/start-addon.js';
import { definePlugin, HttpError, type InlinePlugin } from '../index.js';

interface Seen {
  path: string;
  status: number;
  durationMs: number;
  error?: string;
}

/** A route that answers, one that refuses, and an observer of every request (plus, optionally, one that throws). */
function observed(seen: Seen[], { throwingObserver = false } = {}): InlinePlugin {
  const plugin = definePlugin({
    name: 'observed',
    setup(ctx) {
      ctx.route('POST', '/answer', (c) => c.json({ ok: true }), { auth: 'none' });
      ctx.route(
        'POST',
        '/refuse',
        () => {
          throw new HttpError(409, 'REFUSED', 'refused on purpose');
        },
        { auth: 'none' },
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

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

describe('request observers', () => {
  it('see every answered request once with its status, duration and error: refusals, 404s and 405s too', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [observed(seen)] });
    try {
      expect((await post(`${test.url}/answer`)).status).toBe(200);
      expect((await post(`${test.url}/refuse`)).status).toBe(409);
      expect((await fetch(`${test.url}/nowhere`)).status).toBe(404);
      expect((await fetch(`${test.url}/answer`)).status).toBe(405);
      expect(seen.map(({ path, status, error }) => [path, status, error])).toEqual([
        ['/answer', 200, undefined],
        ['/refuse', 409, 'refused on purpose'],
        ['/nowhere', 404, undefined],
        ['/answer', 405, undefined],
      ]);
      expect(seen.every(({ durationMs }) => durationMs > 0)).toBe(true);
    } finally {
      await test.close();
    }
  });

  it('leave the response alone when one throws, which is logged with the request id', async () => {
    const seen: Seen[] = [];
    const test = await startTestAddon({ plugins: [observed(seen, { throwingObserver: true })] });
    try {
      const answered = await post(`${test.url}/answer`, { 'X-Request-ID': 'observed-1' });
      expect(answered.status).toBe(200);
      expect(await answered.json()).toEqual({ ok: true });
      expect(seen).toHaveLength(1);
      const failure = test.logs.records().find((record) => record.msg === 'request observer failed');
      expect(failure).toMatchObject({ requestId: 'observed-1' });
    } finally {
      await test.close();
    }
  });

  it('give unmatched requests their access log line too', async () => {
    const test = await startTestAddon({ plugins: [observed([])] });
    try {
      await fetch(`${test.url}/nowhere`, { headers: { 'X-Request-ID': 'lost-1' } });
      const access = test.logs.records().filter((record) => record.msg === 'request');
      expect(access.map((record) => [record.requestId, record.path, record.status])).toEqual([['lost-1', '/nowhere', 404]]);
    } finally {
      await test.close();
    }
  });
});
