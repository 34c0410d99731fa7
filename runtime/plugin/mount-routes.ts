import type { ErrorHandler, Hono } from 'hono';
import type { AddonConfig } from '../config/types.js';
import { AddonError, HttpError } from '../errors/index.js';
import { bodyLimit } from '../http/body-limit.js';
import type { RouteTable } from '../http/route-table.js';
import type { AddonEnv, AddonMiddleware } from '../http/types.js';
import type { Registrations, RouteRegistration } from './registrations.js';

const PUBLIC: AddonMiddleware = async function publicRoute(_c, next) {
  await next();
};

/** A plugin route ready to mount: its body limit, its policy's guard, its own middleware and its handler. */
export interface PlannedRoute {
  route: RouteRegistration;
  handlers: AddonMiddleware[];
}

/**
 * Checks every plugin route and builds its handler chain. Unknown policies and duplicate routes are boot errors.
 * The table it fills answers unmatched requests (`mountFallback`).
 */
export function planRoutes(registrations: Registrations, config: AddonConfig, table: RouteTable): PlannedRoute[] {
  return registrations.routes.map((route) => {
    const { plugin, method, path, options } = route;
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
    const handlers = [bodyLimit(options.bodyLimit ?? config.server.maxBodyBytes), guard, ...(options.middleware ?? []), route.handler];
    return { route, handlers };
  });
}

export function mountRoute(app: Hono<AddonEnv>, { route, handlers }: PlannedRoute, ...before: AddonMiddleware[]): void {
  const [first, ...rest] = [...before, ...handlers] as [AddonMiddleware, ...AddonMiddleware[]];
  app.on(route.method, route.path, first, ...rest);
}

/**
 * Unmatched requests: 405 with `Allow` when the path exists for other methods, else 404. Answered through the error
 * handler rather than thrown: a not-found handler's throw would skip what the global chain does after the route
 * (access log, observers).
 */
export function mountFallback(app: Hono<AddonEnv>, table: RouteTable, handleError: ErrorHandler<AddonEnv>): void {
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
