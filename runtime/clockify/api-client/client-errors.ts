import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError, isHttpError } from '../../errors/http-error.js';

/**
 * Every way a Clockify API call can fail before or instead of an HTTP answer, with the status a route answers when
 * the error escapes a handler (an HttpError, so the kernel's error handler renders it without leaking anything).
 */
export const CLOCKIFY_ERRORS = {
  CLOCKIFY_API_URL_INVALID: { status: 502, message: 'the installation has no usable http(s) API URL' },
  CLOCKIFY_HOST_NOT_ALLOWED: { status: 502, message: 'the API host is not on the Clockify host allowlist' },
  CLOCKIFY_PATH_INVALID: { status: 400, message: 'the path is not a relative Clockify API path under /v1/ or /addon/' },
  CLOCKIFY_REQUEST_INVALID: { status: 400, message: 'the request cannot be sent as given' },
  CLOCKIFY_TIMEOUT: { status: 504, message: 'the Clockify API did not answer in time' },
  CLOCKIFY_UNREACHABLE: { status: 502, message: 'the Clockify API could not be reached' },
  CLOCKIFY_REDIRECT_REFUSED: { status: 502, message: 'the Clockify API answered with a redirect, which is never followed' },
  CLOCKIFY_RATE_LIMIT_WAIT: { status: 503, message: 'the workspace rate limit would make this call wait too long' },
  CLOCKIFY_RESPONSE_INVALID: { status: 502, message: 'the Clockify API answered something the caller cannot use' },
  CLOCKIFY_NOT_INSTALLED: { status: 404, message: 'the workspace has no installation of this add-on' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ClockifyErrorCode = keyof typeof CLOCKIFY_ERRORS;

/**
 * A failed Clockify call. Messages name hosts, paths and statuses, never a token: the client keeps the token out of
 * everything it builds an error from (URLs, option objects, causes).
 */
export class ClockifyApiError extends HttpError {
  override name = 'ClockifyApiError';
  declare readonly code: ClockifyErrorCode;

  constructor(code: ClockifyErrorCode, detail?: string, options: { details?: unknown; cause?: unknown } = {}) {
    const { status, message } = CLOCKIFY_ERRORS[code];
    super(status, code, detail ? `${message}: ${detail}` : message, { details: options.details });
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export function isClockifyApiError(error: unknown): error is ClockifyApiError {
  return isHttpError(error) && (error as HttpError).name === 'ClockifyApiError';
}
