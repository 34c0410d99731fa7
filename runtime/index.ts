/**
 * The public surface of the runtime: what plugins and embedding code import.
 * Plugins import only from here, never from each other or from runtime internals.
 */
export { createAddon, type Addon, type CreateAddonOptions } from './kernel.js';
export { buildConfig, loadConfig, readEnvironment, configPathFrom, type AddonConfig, type Environment } from './config/index.js';
export * from './plugin/index.js';
export { AddonError, HttpError, isAddonError, isHttpError, bootErrors, type BootErrorCode } from './errors/index.js';
export type { AddonEnv, AddonVariables, AddonHandler, AddonMiddleware } from './http/types.js';
export type { HttpMethod } from './http/route-table.js';
export { errorBody } from './http/error-handler.js';
export { createLogger, redactSecrets, redactText, currentRequestId, type Logger } from './observability/index.js';
export type { Store } from './store/index.js';
export { Installation } from './store/index.js';
export { WEBHOOK_EVENTS, LIFECYCLE_TYPES, isWebhookEventName, type WebhookEventName, type LifecycleType } from './clockify/events.js';
export { buildManifest, type Manifest } from './clockify/build-manifest.js';
