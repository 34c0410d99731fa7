import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A request-time failure with a status and a stable code; the kernel's error handler turns it into
 * `{ error: { code, message, requestId, details? } }`.
 */
// A registry symbol, not `instanceof`: a user's plugin may load a second copy of the runtime (its TypeScript sources
// next to the build in dist/, or two installed versions), and its errors must still be recognised.
const HTTP_ERROR = Symbol.for('clockify-addon-kit.http-error');

export class HttpError extends Error {
  override name = 'HttpError';
  readonly [HTTP_ERROR] = true;
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    { details, headers = {} }: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[HTTP_ERROR] === true;
}
