/**
 * The public surface of the runtime: what plugins and embedding code import.
 * Plugins import only from here, never from each other or from runtime internals.
 */

export { buildManifest, type Manifest } from './clockify/build-manifest.js';
export type { ClockifyClaims, RawClockifyClaims } from './clockify/claims.js';
export { isWebhookEventName, LIFECYCLE_TYPES, type LifecycleType, WEBHOOK_EVENTS, type WebhookEventName } from './clockify/events.js';
export { type InstallationRecord, type InstallationStatus, type Installations, installationsKey } from './clockify/installations.js';
export { type AddonConfig, buildConfig, configPathFrom, type Environment, loadConfig, readEnvironment } from './config/index.js';
export { AddonError, type BootErrorCode, bootErrors, HttpError, isAddonError, isHttpError } from './errors/index.js';
export { errorBody } from './http/error-handler.js';
export { readJsonBody } from './http/read-json.js';
export type { HttpMethod } from './http/route-table.js';
export type { AddonEnv, AddonHandler, AddonMiddleware, AddonVariables } from './http/types.js';
export { type Addon, type CreateAddonOptions, createAddon } from './kernel.js';
export { createLogger, currentRequestId, type Logger, redactSecrets, redactText } from './observability/index.js';
export * from './plugin/index.js';
export { createSecretBox, type SecretBox } from './security/secret-box.js';
export type { Store } from './store/index.js';
export { Installation } from './store/index.js';
