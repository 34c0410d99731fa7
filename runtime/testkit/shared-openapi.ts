import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadOpenApi, type OpenApi } from '../openapi/index.js';

// Keyed by file and modification time: an edited document is loaded afresh.
const loaded = new Map<string, Promise<OpenApi>>();

/**
 * The OpenAPI document of a simulator, loaded once per process and file: simulators started together (a fleet of
 * workspaces, a test file's many environments) share its dereferencing and its compiled validators instead of each
 * paying for them. Safe to share: an `OpenApi` only caches what it derives from the document.
 */
export function loadSharedOpenApi(path: string): Promise<OpenApi> {
  const file = resolve(path);
  let key = file;
  try {
    key = `${file}@${statSync(file).mtimeMs}`;
  } catch {
    // A missing file: loadOpenApi says so, with its error code.
  }
  let pending = loaded.get(key);
  if (!pending) {
    pending = loadOpenApi(file);
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
  }
  return pending;
}
