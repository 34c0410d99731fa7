import type { Context } from 'hono';
import { HttpError, isHttpError } from '../errors/index.js';
import { entryOf } from '../map-entry.js';

// Hono keeps the body's text but parses it again at each c.req.json(): a policy and its route both read the body of
// every webhook delivery, so the parsed value is kept per request (one parse instead of two on the hot path).
const parsedBodies = new WeakMap<Request, Promise<unknown>>();

/**
 * The request body as JSON, for routes that accept only JSON: 415 for another content type,
 * 400 for a body that does not parse. Parsed once per request, so a policy and the handler can both call it
 * (they share the value: treat it as read-only).
 */
export function readJsonBody<T = unknown>(c: Context): Promise<T> {
  return entryOf(parsedBodies, c.req.raw, () => parseJsonBody(c)) as Promise<T>;
}

async function parseJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `send the body as application/json (got ${type ? `"${type.slice(0, 100)}"` : 'no content type'})`,
    );
  }
  try {
    return await c.req.json();
  } catch (error) {
    if (isHttpError(error)) throw error;
    throw new HttpError(400, 'INVALID_JSON', 'the request body is not valid JSON');
  }
}
