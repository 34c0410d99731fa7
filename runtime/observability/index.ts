export { createLogger, type Logger, type CreateLoggerOptions } from './logger.js';
export { redactSecrets, redactText, REDACTED } from './redact.js';
export { currentRequestId, requestContext, type RequestContext } from './request-context.js';
export type { Registry } from 'prom-client';
