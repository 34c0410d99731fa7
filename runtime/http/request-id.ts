import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { redactText } from '../observability/redact.js';
import type { AddonMiddleware, RequestObserver } from './types.js';

export const REQUEST_ID_HEADER = 'X-Request-ID';
// Accepted as given only when short and made of characters that are safe in logs and headers.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function acceptRequestId(given: string | undefined): string {
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives each request an id (the caller's when safe, else a new one), echoes it in the response, and sets `log` to a
 * logger whose lines carry it (plugin routes get their plugin's, see `createPluginContext`). A logger per request
 * (a pino child: about 0.3 µs) rather than one that finds the current request through AsyncLocalStorage: on Node 20
 * that storage runs on promise hooks which, once on, tax every promise in the process (a sixth of a webhook receipt).
 * Once answered, the request is shown to the plugins' request observers and written to the access log (level info,
 * query string scrubbed of tokens).
 */
export function requestId(log: Logger, observers: readonly RequestObserver[]): AddonMiddleware {
  return async function requestId(c, next) {
    const id = acceptRequestId(c.req.header(REQUEST_ID_HEADER));
    const started = performance.now();
    const requestLog = log.child({ requestId: id });
    c.set('requestId', id);
    c.set('log', requestLog);
    // Set before the response exists, so every c.json/c.html/c.body (the error handler's too) is built with it:
    // setting a header on a finished response makes the Node adapter turn its light response into a full one.
    c.header(REQUEST_ID_HEADER, id);
    await next();
    const durationMs = performance.now() - started;
    for (const observe of observers) {
      try {
        observe(c, durationMs);
      } catch (error) {
        // The response is built: an observer's failure must not turn it into another one.
        requestLog.error({ err: error }, 'request observer failed');
      }
    }
    if (!log.isLevelEnabled('info')) return;
    const url = new URL(c.req.url);
    requestLog.info(
      {
        method: c.req.method,
        path: redactText(url.pathname + url.search),
        status: c.res.status,
        durationMs: Math.round(durationMs * 100) / 100,
      },
      'request',
    );
  };
}
