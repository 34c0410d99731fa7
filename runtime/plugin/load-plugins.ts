import type { AddonConfig } from '../config/types.js';
import { AddonError } from '../errors/index.js';
import { orderPlugins } from './order-plugins.js';
import { resolvePlugin } from './resolve-plugin.js';
import type { Plugin } from './types.js';
import { validateOptions } from './validate-options.js';

export interface LoadedPlugin {
  readonly name: string;
  readonly dependsOn?: readonly string[];
  readonly plugin: Plugin<unknown>;
  readonly options: Record<string, unknown>;
}

/** A plugin handed over in code (tests, embedding) instead of named in YAML. */
export interface InlinePlugin {
  plugin: Plugin<never>;
  options?: Record<string, unknown>;
}

/** Resolves every configured plugin, validates its options and returns them in setup order. */
export async function loadPlugins(config: AddonConfig, inline: readonly InlinePlugin[] = []): Promise<LoadedPlugin[]> {
  const file = config.source;
  const fromConfig = await Promise.all(
    config.plugins.map(async (entry, index) => {
      const path = `plugins[${index}]`;
      const plugin = await resolvePlugin(entry.use, { baseDir: config.baseDir, file, path });
      return { plugin, options: structuredClone(entry.options ?? {}) as Record<string, unknown>, path };
    }),
  );
  const fromCode = inline.map(({ plugin, options = {} }, index) => ({
    plugin: plugin as Plugin<unknown>,
    options: structuredClone(options),
    path: `(inline plugin ${index})`,
  }));
  const seen = new Map<string, string>();
  const loaded = [...fromConfig, ...fromCode].map(({ plugin, options, path }) => {
    if (!/^[a-z][a-z0-9-]*$/.test(plugin.name)) {
      throw new AddonError('PLUGIN_INVALID', `plugin name "${plugin.name}" must be kebab-case`, { file, path });
    }
    const previous = seen.get(plugin.name);
    if (previous) {
      throw new AddonError('PLUGIN_DUPLICATE', `"${plugin.name}" is configured at ${previous} and again at ${path}`, {
        file,
        plugin: plugin.name,
        path,
      });
    }
    seen.set(plugin.name, path);
    const validated = validateOptions(plugin.optionsSchema, options, { file, plugin: plugin.name, path });
    return { name: plugin.name, dependsOn: plugin.dependsOn, plugin, options: validated };
  });
  return orderPlugins(loaded, file);
}
