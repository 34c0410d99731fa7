import { cors } from 'hono/cors';
import type { AddonMiddleware } from './types.js';

/** The paths the web components call: the explorer's API and the plugins' admin APIs. */
export const EMBED_PATHS = ['/ui/*', '/admin/*'] as const;

/**
 * CORS for pages of other tools that embed the web components (`server.embedOrigins`). Only the listed origins get
 * an answer they may read; credentials (cookies) are never involved, since every call carries the user token as a
 * bearer token, which the embedding page supplies.
 */
export function embedCors(origins: readonly string[]): AddonMiddleware {
  return cors({
    origin: [...origins],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['authorization', 'content-type', 'x-addon-token'],
    exposeHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}
