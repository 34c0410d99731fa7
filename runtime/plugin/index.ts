export { definePlugin, isPlugin } from './define-plugin.js';
export { defineServiceKey, type ServiceKey } from './service-key.js';
export { loadPlugins, type InlinePlugin, type LoadedPlugin } from './load-plugins.js';
export { builtInNames } from './resolve-plugin.js';
export type * from './types.js';
export type { HandlerContext, LifecycleHandler, LifecyclePayloads, WebhookHandler, WebhookPayloads } from './handlers.js';
export { HandlerRegistry } from './handlers.js';
