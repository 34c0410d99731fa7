import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Manifest } from '../clockify/build-manifest.js';
import type { AddonConfig } from '../config/types.js';
import { mountRoutes } from '../plugin/mount-routes.js';
import type { Registrations } from '../plugin/registrations.js';
import { EMBED_PATHS, embedCors } from './embed-cors.js';
import { createErrorHandler } from './error-handler.js';
import { mountHealthRoutes } from './health.js';
import { requestId } from './request-id.js';
import type { AddonEnv } from './types.js';

/**
 * The HTTP app in its fixed order: request id (and context) first, then plugins' global middleware, then the
 * kernel's routes (`/health`, `/ready`, `/manifest`), then plugin routes, each behind its body limit and policy.
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
  const observers = registrations.observers.map(({ value }) => value);
  app.use(requestId(log, observers));
  app.onError(handleError);
  if (config.server.embedOrigins.length > 0) {
    const allowEmbedders = embedCors(config.server.embedOrigins);
    for (const path of EMBED_PATHS) app.use(path, allowEmbedders);
  }
  for (const { value } of registrations.middleware) app.use(value);
  mountHealthRoutes(app, registrations.health);
  app.get('/manifest', (c) => c.json(manifest));
  mountRoutes(app, registrations, config, ['/health', '/ready', '/manifest'], handleError);
  return app;
}
