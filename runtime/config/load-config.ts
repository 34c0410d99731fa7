import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { deepFreeze } from '../deep-freeze.js';
import { AddonError } from '../errors/index.js';
import { type Environment, environmentOverrides } from './environment.js';
import { interpolate } from './interpolate.js';
import type { AddonConfig, PluginEntry } from './types.js';
import { validateConfig } from './validate-config.js';

export interface LoadConfigOptions {
  /** The YAML file; relative paths in it resolve against its folder. */
  path: string;
  env: Environment;
}

/** YAML → `${ENV}` interpolation → environment overrides → schema validation with defaults → frozen object. */
export function loadConfig({ path, env }: LoadConfigOptions): AddonConfig {
  const file = resolve(path);
  if (!existsSync(file)) {
    throw new AddonError('CONFIG_NOT_FOUND', `create it, or point ADDON_CONFIG at the file to use`, { file });
  }
  let tree: unknown;
  try {
    tree = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AddonError('CONFIG_UNREADABLE', (cause as Error).message, { file }, { cause });
  }
  return buildConfig(tree ?? {}, { env, source: file });
}

/** The same pipeline for a config tree built in code (tests, embedding); `source` names it in errors. */
export function buildConfig(
  tree: unknown,
  { env, source = '<inline>', baseDir }: { env: Environment; source?: string; baseDir?: string },
): AddonConfig {
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    throw new AddonError('CONFIG_INVALID', 'the top level must be a mapping of keys to values', { file: source });
  }
  const resolved = interpolate(structuredClone(tree), env, source) as Record<string, unknown>;
  applyOverrides(resolved, env);
  validateConfig(resolved, source);
  resolved.plugins = (resolved.plugins as (string | PluginEntry)[]).map((entry) => (typeof entry === 'string' ? { use: entry } : entry));
  resolved.source = source;
  resolved.baseDir = baseDir ?? (source === '<inline>' ? process.cwd() : dirname(source));
  return deepFreeze(resolved) as unknown as AddonConfig;
}

function applyOverrides(tree: Record<string, unknown>, env: Environment): void {
  for (const { variable, path, mode } of environmentOverrides) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => {
      if (!node[key] || typeof node[key] !== 'object') node[key] = {};
      return node[key] as Record<string, unknown>;
    }, tree);
    const leaf = path[path.length - 1] as string;
    parent[leaf] = mode === 'append' ? [...((parent[leaf] as string[] | undefined) ?? []), ...splitList(value)] : value;
  }
}

/** PEM blocks contain newlines, so a list splits on commas and on newlines between blocks, never inside one. */
export function splitList(value: string): string[] {
  const pems = value.match(/-----BEGIN [^-]+-----[\s\S]+?-----END [^-]+-----/g);
  const rest = pems ? pems.reduce((text, pem) => text.replace(pem, ''), value) : value;
  const others = rest
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...(pems ?? []), ...others];
}
