import type { Context } from 'hono';
import { HttpError, isHttpError } from '../errors/index.js';

/**
 * The request body as JSON, for routes that accept only JSON: 415 for another content type,
 * 400 for a body that does not parse. Hono caches the parsed body, so a policy and the handler can both call it.
 */
export async function readJsonBody<T = unknown>(c: Context): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `send the body as application/json (got ${type ? `"${type.slice(0, 100)}"` : 'no content type'})`,
    );
  }
  try {
    return (await c.req.json()) as T;
  } catch (error) {
    if (isHttpError(error)) throw error;
    throw new HttpError(400, 'INVALID_JSON', 'the request body is not valid JSON');
  }
}
