import type { ErrorHandler, Hono } from 'hono';
import type { AddonConfig } from '../config/types.js';
import { AddonError, HttpError } from '../errors/index.js';
import { bodyLimit } from '../http/body-limit.js';
import { RouteTable } from '../http/route-table.js';
import type { AddonEnv, AddonMiddleware } from '../http/types.js';
import type { Registrations } from './registrations.js';

const PUBLIC: AddonMiddleware = async function publicRoute(_c, next) {
  await next();
};

/**
 * Mounts the routes plugins registered, each behind its body limit and auth policy. Unknown policies and duplicate routes are boot errors; unmatched requests get 404 or 405.
 * Those are answered through the error handler rather than thrown: a not-found handler's throw would skip what the
 * global chain does once a request is answered (access log, observers).
 */
export function mountRoutes(
  app: Hono<AddonEnv>,
  registrations: Registrations,
  config: AddonConfig,
  kernelGetRoutes: readonly string[],
  handleError: ErrorHandler<AddonEnv>,
): void {
  const table = new RouteTable();
  for (const path of kernelGetRoutes) table.add('GET', path);
  for (const { plugin, method, path, handler, options } of registrations.routes) {
    const location = { file: config.source, plugin };
    const policy = options.auth === 'none' ? { value: () => PUBLIC } : registrations.policies.get(options.auth);
    if (!policy) {
      const known = ['none', ...registrations.policies.keys()].join(', ');
      throw new AddonError('ROUTE_POLICY_UNKNOWN', `${method} ${path} asks for "${options.auth}"; defined policies: ${known}`, location);
    }
    if (!table.add(method, path)) {
      throw new AddonError('ROUTE_CONFLICT', `${method} ${path} is registered twice; give one of them another path`, location);
    }
    const guard = policy.value({ method, path, plugin, meta: options.meta ?? {} });
    app.on(method, path, bodyLimit(options.bodyLimit ?? config.server.maxBodyBytes), guard, ...(options.middleware ?? []), handler);
  }
  app.notFound((c) => {
    const allowed = table.allowedMethods(c.req.path);
    const error =
      allowed.length > 0
        ? new HttpError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`, {
            headers: { Allow: allowed.join(', ') },
          })
        : new HttpError(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`);
    return handleError(error, c);
  });
}
