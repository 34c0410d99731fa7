export type { Registry } from 'prom-client';
export { type CreateLoggerOptions, createLogger, type Logger } from './logger.js';
export { isSecretKey, REDACTED, redactSecrets, redactText } from './redact.js';
