import type { Handler, MiddlewareHandler } from 'hono';
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
