import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AddonError } from '../errors/index.js';
import { isPlugin } from './define-plugin.js';
import type { Plugin } from './types.js';

const BUILT_IN_DIR = fileURLToPath(new URL('../../plugins/', import.meta.url));
// Running from the TypeScript sources (tsx, vitest) the built-ins are .ts files; from the build in dist/, .js.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const BUILT_IN_INDEX = RUNNING_FROM_SOURCE ? 'index.ts' : 'index.js';

export interface ResolveOptions {
  /** Folder that relative plugin paths are resolved against (the config file's). */
  baseDir: string;
  /** Names the config file in errors. */
  file: string;
  /** Config path of the entry, for errors (`plugins[3]`). */
  path: string;
}

/**
 * A plugin named in the config: a built-in by name (`metrics`) or a user's file by path (`./plugins/notify.ts`).
 * Both are loaded the same way and must default-export `definePlugin({...})`.
 */
export async function resolvePlugin(use: string, { baseDir, file, path }: ResolveOptions): Promise<Plugin<unknown>> {
  const location = { file, path };
  const isPath = use.startsWith('.') || isAbsolute(use) || /\.(m?[jt]s)$/.test(use);
  const target = isPath ? resolve(baseDir, use) : resolve(BUILT_IN_DIR, use, BUILT_IN_INDEX);
  if (!isPath && !/^[a-z][a-z0-9-]*$/.test(use)) {
    throw new AddonError('PLUGIN_NOT_FOUND', `"${use}" is neither a built-in plugin name nor a file path (start paths with ./)`, location);
  }
  if (!existsSync(target)) {
    const hint = isPath ? `no file at ${target}` : `no built-in plugin "${use}"; built-ins: ${builtInNames().join(', ')}`;
    throw new AddonError('PLUGIN_NOT_FOUND', hint, location);
  }
  let module: Record<string, unknown>;
  try {
    if (/\.[mc]?ts$/.test(target)) await ensureTypeScriptLoader();
    module = await import(pathToFileURL(target).href);
  } catch (cause) {
    throw new AddonError('PLUGIN_LOAD_FAILED', `${target}: ${(cause as Error).message}`, location, { cause });
  }
  const plugin = module.default;
  if (!isPlugin(plugin)) {
    throw new AddonError('PLUGIN_INVALID', `${target} must \`export default definePlugin({ name, setup })\``, location);
  }
  return plugin;
}

export function builtInNames(): string[] {
  return ['auth', 'lifecycle', 'webhooks', 'bootstrap', 'explorer', 'metrics'].filter((name) =>
    existsSync(resolve(BUILT_IN_DIR, name, BUILT_IN_INDEX)),
  );
}

let typescriptLoader: Promise<void> | undefined;

/** The build in dist/ runs without a TypeScript loader; a user's .ts plugin brings tsx in, once, when it is met. */
function ensureTypeScriptLoader(): Promise<void> {
  if (RUNNING_FROM_SOURCE) return Promise.resolve();
  typescriptLoader ??= import('tsx/esm/api').then(({ register }) => void register());
  return typescriptLoader;
}
