import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * Per-request variables (`c.get(...)`). Plugins add their own by augmenting this interface:
 * `declare module 'clockify-addon-kit' { interface AddonVariables { clockify: ClockifyClaims } }`.
 */
export interface AddonVariables {
  requestId: string;
  /** The kernel logger; lines written while serving the request carry its id. */
  log: Logger;
}

export interface AddonEnv {
  Variables: AddonVariables;
}

export type AddonHandler = Handler<AddonEnv>;
export type AddonMiddleware = MiddlewareHandler<AddonEnv>;

/**
 * Sees every answered request once, after its response is built (404s and 405s too): for metrics and counters that
 * only look. `c.res` is the response, `c.error` the error it was built from, if any.
 */
export type RequestObserver = (c: Context<AddonEnv>, durationMs: number) => void;
