import type { Plugin } from './types.js';

/** Marks a plugin object so the loader can tell it from any other default export. */
export const PLUGIN_MARK = Symbol.for('clockify-addon-kit.plugin');

/** Declares a plugin: only carries types and a mark, so a plugin file stays plain data plus `setup`. */
export function definePlugin<Options = Record<string, unknown>>(plugin: Plugin<Options>): Plugin<Options> {
  return Object.freeze({ ...plugin, [PLUGIN_MARK]: true });
}

export function isPlugin(value: unknown): value is Plugin<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[PLUGIN_MARK] === true &&
    typeof (value as Plugin).name === 'string' &&
    typeof (value as Plugin).setup === 'function'
  );
}
