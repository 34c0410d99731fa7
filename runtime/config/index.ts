export { configPathFrom, type Environment, environmentOverrides, readEnvironment } from './environment.js';
export { formatPath } from './format-path.js';
export { buildConfig, loadConfig, splitList } from './load-config.js';
export type { AddonConfig, PluginEntry } from './types.js';
export { suggest } from './validate-config.js';
