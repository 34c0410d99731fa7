import type { Context } from 'hono';
import { HttpError } from '../errors/index.js';

/**
 * The route's `:id` as a positive integer; anything else is a 400 with `code`, so no lookup runs with a malformed id.
 * `what` names it in the message ("an event id").
 */
export function positiveIdParam(c: Context, code: string, what = 'an id'): number {
  const text = c.req.param('id') ?? '';
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new HttpError(400, code, `"${text.slice(0, 40)}" is not ${what} (a positive integer)`);
  return Number(text);
}
