import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../errors/index.js';
import type { AddonHandler } from './types.js';

// The web components are built by bin/build-ui.js into <package>/dist/ui; this file runs from <package>/runtime/http
// (sources) or <package>/dist/runtime/http (the transpiled build), so the folder is found from either.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
export const UI_ASSETS_DIR = fileURLToPath(new URL(RUNNING_FROM_SOURCE ? '../../dist/ui/' : '../../ui/', import.meta.url));

/** The modules bin/build-ui.js publishes: the sidebar (every tool) and each tool alone, for embedding. */
export const UI_MODULES: readonly string[] = ['sidebar.js', 'api-explorer.js', 'bootstrap.js', 'webhooks.js'];

interface Asset {
  body: Buffer;
  etag: string;
}

/**
 * Serves the built web-component modules (`:file`, e.g. `sidebar.js`). They hold no secret and no per-user data, so
 * the route needs no token; they are read once and revalidated by ETag, since their names carry no content hash.
 * Any origin may load them, so another tool can embed a component (its API calls still need a user token).
 */
export function serveUiAssets(directory = UI_ASSETS_DIR): AddonHandler {
  const cache = new Map<string, Promise<Asset | undefined>>();
  const load = (name: string) =>
    readFile(`${directory}${name}`).then(
      (body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }),
      () => undefined,
    );
  return async function uiAsset(c) {
    const name = c.req.param('file') ?? '';
    if (!UI_MODULES.includes(name)) throw new HttpError(404, 'NOT_FOUND', `no UI module named "${name.slice(0, 60)}"`);
    let pending = cache.get(name);
    if (!pending) {
      pending = load(name);
      cache.set(name, pending);
    }
    const asset = await pending;
    if (!asset) {
      cache.delete(name);
      throw new HttpError(404, 'UI_NOT_BUILT', `dist/ui/${name} is missing: build the UI with \`npm run build\``);
    }
    c.header('etag', asset.etag);
    c.header('cache-control', 'no-cache');
    c.header('access-control-allow-origin', '*');
    c.header('x-content-type-options', 'nosniff');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(new Uint8Array(asset.body));
  };
}
