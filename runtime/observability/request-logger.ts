import type { Logger } from 'pino';
import { lazyObject } from '../lazy-object.js';

/**
 * `log` with the request's id on every line, made only when something logs: most requests write nothing (the access
 * log is at info, production runs at warn), and a child logger per request would cost more than many routes' work.
 * A logger per request, rather than one that finds the current request through AsyncLocalStorage: on Node 20 that
 * storage runs on promise hooks which, once on, tax every promise in the process (a sixth of a webhook receipt).
 */
export function requestLogger(log: Logger, requestId: string): Logger {
  return lazyObject(() => log.child({ requestId }));
}
