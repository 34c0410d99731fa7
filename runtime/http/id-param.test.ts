import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '../errors/index.js';
import { positiveIdParam } from './id-param.js';

const app = new Hono();
app.get('/things/:id', (c) => c.json({ id: positiveIdParam(c, 'INVALID_THING_ID', 'a thing id') }));
app.onError((error, c) => (isHttpError(error) ? c.json({ code: error.code, message: error.message }, 400) : c.json({}, 500)));

describe('a positive integer :id', () => {
  it('is read as a number', async () => {
    expect(await (await app.request('/things/42')).json()).toEqual({ id: 42 });
  });

  it.each(['0', '-1', '01', '1.5', 'abc', '12345678901234567'])('refuses %s with the route’s code and noun', async (id) => {
    const response = await app.request(`/things/${id}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'INVALID_THING_ID', message: `"${id}" is not a thing id (a positive integer)` });
  });
});
