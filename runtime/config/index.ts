export { buildConfig, loadConfig, splitList } from './load-config.js';
export { configPathFrom, environmentOverrides, readEnvironment, type Environment } from './environment.js';
export { suggest } from './validate-config.js';
export { formatPath } from './format-path.js';
export type { AddonConfig, PluginEntry } from './types.js';
