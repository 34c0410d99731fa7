export { definePlugin, isPlugin } from './define-plugin.js';
export type {
  HandlerContext,
  LifecycleHandler,
  LifecyclePayloads,
  RegisteredHandler,
  WebhookContext,
  WebhookHandler,
  WebhookPayloads,
} from './handlers.js';
export { HandlerRegistry } from './handlers.js';
export { type InlinePlugin, type LoadedPlugin, loadPlugins } from './load-plugins.js';
export { builtInNames } from './resolve-plugin.js';
export { defineServiceKey, type ServiceKey } from './service-key.js';
export type * from './types.js';
