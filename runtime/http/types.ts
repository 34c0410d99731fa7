import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * Per-request variables (`c.get(...)`). Plugins add their own by augmenting this interface:
 * `declare module 'clockify-addon-kit' { interface AddonVariables { clockify: ClockifyClaims } }`.
 */
export interface AddonVariables {
  requestId: string;
  /**
   * This request's logger: its lines carry the request id, and in a plugin's route handler also the plugin's name.
   * Log through it rather than a logger kept from setup, whose lines would not say which request they belong to.
   */
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
