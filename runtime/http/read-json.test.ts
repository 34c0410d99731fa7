import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '../errors/index.js';
import { readJsonBody } from './read-json.js';

function app() {
  const hono = new Hono();
  hono.post('/', async (c) => {
    const first = readJsonBody(c);
    const second = readJsonBody(c);
    // A policy and its route both read the body: one parse serves both.
    return c.json({ same: first === second && (await first) === (await second), body: await first });
  });
  hono.onError((error, c) => (isHttpError(error) ? c.json({ code: error.code }, error.status as 400) : c.json({}, 500)));
  return hono;
}

describe('reading a JSON body', () => {
  it('parses it once per request and hands every reader the same value', async () => {
    const response = await app().request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await response.json()).toEqual({ same: true, body: { a: 1 } });
  });

  it('answers 400 for a body that does not parse, and 415 for another content type', async () => {
    const broken = await app().request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect([broken.status, await broken.json()]).toEqual([400, { code: 'INVALID_JSON' }]);
    const text = await app().request('/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect([text.status, await text.json()]).toEqual([415, { code: 'UNSUPPORTED_MEDIA_TYPE' }]);
  });
});
