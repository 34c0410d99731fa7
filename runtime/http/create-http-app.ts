import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Manifest } from '../clockify/build-manifest.js';
import type { AddonConfig } from '../config/types.js';
import { mountFallback, mountRoute, planRoutes } from '../plugin/mount-routes.js';
import type { Registrations } from '../plugin/registrations.js';
import { EMBED_PATHS, embedCors } from './embed-cors.js';
import { createErrorHandler } from './error-handler.js';
import { mountHealthRoutes } from './health.js';
import { hotRequest, requestId } from './request-id.js';
import { RouteTable } from './route-table.js';
import type { AddonEnv } from './types.js';

const KERNEL_GET_ROUTES = ['/health', '/ready', '/manifest'];

/**
 * The HTTP app in its fixed order: hot routes first (request id without the request context, then their own chain),
 * then for everything else the request id (and context), plugins' global middleware, the kernel's routes
 * (`/health`, `/ready`, `/manifest`), then plugin routes, each behind its body limit and policy. A hot route's
 * handler answers, so the global chain registered after it never runs for it.
 */
export function createHttpApp({
  config,
  log,
  registrations,
  manifest,
}: {
  config: AddonConfig;
  log: Logger;
  registrations: Registrations;
  manifest: Manifest;
}): Hono<AddonEnv> {
  const app = new Hono<AddonEnv>();
  const handleError = createErrorHandler(log);
  app.onError(handleError);
  const table = new RouteTable();
  for (const path of KERNEL_GET_ROUTES) table.add('GET', path);
  const routes = planRoutes(registrations, config, table);
  const observers = registrations.observers.map(({ value }) => value);
  // Global middleware is meant for every request: while a plugin has some, hot routes take the whole chain too.
  const hotAllowed = registrations.middleware.length === 0;
  const isHot = (planned: (typeof routes)[number]) => hotAllowed && planned.route.options.hot === true;
  if (!hotAllowed && routes.some((planned) => planned.route.options.hot)) {
    const owners = [...new Set(registrations.middleware.map(({ plugin }) => plugin))].join(', ');
    log.info({ plugins: owners }, 'hot routes take the global middleware chain, since these plugins add global middleware');
  }
  const hotPrelude = hotRequest(log, observers);
  for (const planned of routes) if (isHot(planned)) mountRoute(app, planned, hotPrelude);

  app.use(requestId(log, observers));
  if (config.server.embedOrigins.length > 0) {
    const allowEmbedders = embedCors(config.server.embedOrigins);
    for (const path of EMBED_PATHS) app.use(path, allowEmbedders);
  }
  for (const { value } of registrations.middleware) app.use(value);
  mountHealthRoutes(app, registrations.health);
  app.get('/manifest', (c) => c.json(manifest));
  for (const planned of routes) if (!isHot(planned)) mountRoute(app, planned);
  mountFallback(app, table, handleError);
  return app;
}
