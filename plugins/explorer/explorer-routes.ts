import type { AddonHandler, HttpMethod } from '../../runtime/index.js';
import { createEndpointsRoute } from './endpoints-route.js';
import { createExecuteRoute } from './execute-route.js';
import type { ExplorerKit } from './explorer-kit.js';
import { createHistoryHandlers } from './history-routes.js';
import { createPresetHandlers } from './preset-routes.js';

export interface ExplorerRoute {
  method: HttpMethod;
  path: string;
  handler: AddonHandler;
  /** Routes that take a request carrying an API body get the execute limit; the rest the server's default. */
  bodyLimit?: number;
}

/** The explorer's JSON API under `basePath` (README.md, "Routes"). */
export function explorerRoutes(basePath: string, kit: ExplorerKit): ExplorerRoute[] {
  const history = createHistoryHandlers(kit);
  const presets = createPresetHandlers(kit);
  const bodyLimit = kit.options.maxBodyBytes;
  return [
    { method: 'GET', path: `${basePath}/endpoints`, handler: createEndpointsRoute(kit) },
    { method: 'POST', path: `${basePath}/execute`, handler: createExecuteRoute(kit), bodyLimit },
    { method: 'GET', path: `${basePath}/history`, handler: history.list },
    { method: 'GET', path: `${basePath}/history/:id`, handler: history.get },
    { method: 'POST', path: `${basePath}/history/:id/replay`, handler: history.replay },
    { method: 'DELETE', path: `${basePath}/history/:id`, handler: history.remove },
    { method: 'GET', path: `${basePath}/presets`, handler: presets.list },
    { method: 'POST', path: `${basePath}/presets`, handler: presets.create, bodyLimit },
    { method: 'GET', path: `${basePath}/presets/:id`, handler: presets.get },
    { method: 'PUT', path: `${basePath}/presets/:id`, handler: presets.update, bodyLimit },
    { method: 'DELETE', path: `${basePath}/presets/:id`, handler: presets.remove },
  ];
}
