import type { AddonHandler } from '../../runtime/index.js';
import type { ExplorerKit } from './explorer-kit.js';
import { listEndpoints } from './list-endpoints.js';

/**
 * `GET /ui/api-explorer/endpoints`: the document's operations by tag, flagged against the manifest's scopes.
 * Document and manifest are fixed once the add-on runs, so the listing is built on the first request and reused.
 */
export function createEndpointsRoute(kit: ExplorerKit): AddonHandler {
  let listing: string | undefined;
  return async function endpointsRoute(c) {
    listing ??= JSON.stringify(listEndpoints(await kit.openapi(), kit.grantedScopes()));
    return c.body(listing, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'private, max-age=300' });
  };
}
