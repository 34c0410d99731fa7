import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { HttpError } from '../errors/index.js';
import type { AddonMiddleware } from './types.js';

/** Caps a request body, counting streamed bytes too (a missing or lying Content-Length does not help). */
export function bodyLimit(maxBytes: number): AddonMiddleware {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `the request body exceeds ${maxBytes} bytes`);
    },
  });
}
