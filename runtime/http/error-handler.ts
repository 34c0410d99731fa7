import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { isHttpError } from '../errors/index.js';
import type { AddonEnv } from './types.js';

export interface ErrorBody {
  error: { code: string; message: string; requestId?: string; details?: unknown };
}

export function errorBody(code: string, message: string, requestId: string | undefined, details?: unknown): ErrorBody {
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

/**
 * The one place a failure becomes a response, logged with the request's id. HttpErrors keep their status and code;
 * anything else is logged with its stack and answered with a generic 500 that says nothing about the cause.
 */
export function createErrorHandler(kernelLog: Logger) {
  return function handleError(error: Error, c: Context<AddonEnv>): Response {
    const requestId = c.get('requestId');
    const log = c.get('log') ?? kernelLog;
    if (isHttpError(error)) {
      const level = error.status >= 500 ? 'error' : 'warn';
      log[level]({ status: error.status, code: error.code, reason: error.message }, 'request failed');
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(errorBody(error.code, error.message, requestId, error.details), error.status);
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      log.warn({ status, reason: error.message }, 'request failed');
      return c.json(errorBody(codeForStatus(status), error.message || 'request failed', requestId), status);
    }
    log.error({ err: error }, 'unexpected error');
    return c.json(errorBody('INTERNAL_ERROR', 'an unexpected error occurred; quote the request id when reporting it', requestId), 500);
  };
}

function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'TOO_MANY_REQUESTS',
  };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_FAILED');
}
