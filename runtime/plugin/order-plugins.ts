import { AddonError } from '../errors/index.js';

export interface Orderable {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/**
 * Orders plugins so each comes after what it depends on, keeping the configured order otherwise.
 * A dependency that is not configured, or a cycle, is a boot error naming the plugins involved.
 */
export function orderPlugins<T extends Orderable>(plugins: readonly T[], file: string): T[] {
  const byName = new Map(plugins.map((plugin) => [plugin.name, plugin]));
  for (const plugin of plugins) {
    for (const dependency of plugin.dependsOn ?? []) {
      if (!byName.has(dependency)) {
        throw new AddonError(
          'PLUGIN_MISSING_DEPENDENCY',
          `"${plugin.name}" depends on "${dependency}", which is not configured; add \`- use: ${dependency}\` to plugins`,
          { file, plugin: plugin.name },
        );
      }
    }
  }
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: T, trail: string[]): void => {
    if (state.get(plugin.name) === 'done') return;
    if (state.get(plugin.name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(plugin.name)), plugin.name].join(' → ');
      throw new AddonError('PLUGIN_DEPENDENCY_CYCLE', `${cycle}; remove one of these dependsOn entries`, { file, plugin: plugin.name });
    }
    state.set(plugin.name, 'visiting');
    for (const dependency of plugin.dependsOn ?? []) visit(byName.get(dependency) as T, [...trail, plugin.name]);
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
