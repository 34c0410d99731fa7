import type { Hono } from 'hono';
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
 */
export function mountRoutes(
  app: Hono<AddonEnv>,
  registrations: Registrations,
  config: AddonConfig,
  kernelGetRoutes: readonly string[],
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
    if (allowed.length > 0) {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`, {
        headers: { Allow: allowed.join(', ') },
      });
    }
    throw new HttpError(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`);
  });
}
