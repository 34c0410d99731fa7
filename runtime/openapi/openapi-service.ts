import { resolve } from 'node:path';
import { defineServiceKey } from '../plugin/service-key.js';
import { loadOpenApi } from './load-openapi.js';
import type { OpenApi } from './types.js';

/** OpenAPI documents loaded once per process and shared by every plugin: `ctx.inject(openApiKey).load()`. */
export interface OpenApiService {
  /** The document at `path` (default: the config's `openapi`), relative to the config's folder; loaded on first use. */
  load(path?: string): Promise<OpenApi>;
}

export const openApiKey = defineServiceKey<OpenApiService>('kernel.openapi');

/**
 * At run time the document is checked structurally (operationIds, path parameters) but not against the OpenAPI
 * JSON Schema: that compile costs a few hundred milliseconds of every start, and `addon config check` runs it.
 */
export function createOpenApiService({ defaultPath, baseDir }: { defaultPath: string; baseDir: string }): OpenApiService {
  const loaded = new Map<string, Promise<OpenApi>>();
  return {
    load(path = defaultPath) {
      const file = resolve(baseDir, path);
      let document = loaded.get(file);
      if (!document) {
        document = loadOpenApi(file, { validateSchema: false });
        // A failed load is not kept, so a fixed file is read again on the next call.
        document.catch(() => loaded.delete(file));
        loaded.set(file, document);
      }
      return document;
    },
  };
}
