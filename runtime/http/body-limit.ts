import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { HttpError } from '../errors/index.js';
import type { AddonMiddleware } from './types.js';

/**
 * Caps a request body. With a Content-Length (and no Transfer-Encoding), Node's HTTP parser delivers exactly that
 * many bytes, so the header alone decides, and the body stays unread for the route, which then reads it straight
 * off the socket. A chunked body has no length up front: Hono's middleware counts it as it streams (which costs a
 * full web Request per request, so only these pay for it). A request with neither has no body.
 */
export function bodyLimit(maxBytes: number): AddonMiddleware {
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `the request body exceeds ${maxBytes} bytes`);
  const streamed = honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async function bodyLimit(c, next) {
    if (c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    const length = c.req.header('content-length');
    if (length !== undefined && Number(length) > maxBytes) throw tooLarge();
    await next();
  };
}
