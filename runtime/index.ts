/**
 * The public surface of the runtime: what plugins and embedding code import.
 * Plugins import only from here, never from each other or from runtime internals.
 */

export * from './clockify/api-client/index.js';
export { buildManifest, type Manifest, type NamedContribution } from './clockify/build-manifest.js';
export type { ClockifyClaims, RawClockifyClaims } from './clockify/claims.js';
export { isWebhookEventName, LIFECYCLE_TYPES, type LifecycleType, WEBHOOK_EVENTS, type WebhookEventName } from './clockify/events.js';
export {
  type InstallationKey,
  type InstallationRecord,
  type InstallationStatus,
  type Installations,
  installationsKey,
} from './clockify/installations.js';
export type { ManifestProblem } from './clockify/manifest/problems.js';
export { MAX_WEBHOOKS, SCHEMA_VERSIONS, SCOPES, type SchemaVersion, type Scope } from './clockify/manifest/schema-rules.js';
export { findManifestProblems, validateManifest } from './clockify/manifest/validate-manifest.js';
export { CLOCKIFY_PUBLIC_KEY_PEM, type LoadTrustedKeysOptions, loadTrustedKeys, type TrustedKey } from './clockify/trusted-keys.js';
export {
  createTokenVerifier,
  TOKEN_ERRORS,
  type TokenErrorCode,
  type TokenVerifier,
  type TokenVerifierOptions,
  tokenError,
} from './clockify/verify-token.js';
export type { EveryEventHasAPayload } from './clockify/webhook-payload-map.js';
export type * from './clockify/webhook-payloads.js';
export { isWorkspaceAdmin, WORKSPACE_ADMIN_ROLES } from './clockify/workspace-roles.js';
export { type AddonConfig, buildConfig, configPathFrom, type Environment, loadConfig, readEnvironment } from './config/index.js';
export { AddonError, type BootErrorCode, bootErrors, HttpError, isAddonError, isHttpError } from './errors/index.js';
export { errorBody } from './http/error-handler.js';
export { positiveIdParam } from './http/id-param.js';
export { readJsonBody } from './http/read-json.js';
export type { HttpMethod } from './http/route-table.js';
export type { AddonEnv, AddonHandler, AddonMiddleware, AddonVariables, RequestObserver } from './http/types.js';
export { serveUiAssets, UI_ASSETS_DIR, UI_MODULES } from './http/ui-assets.js';
export { CLOCKIFY_FRAME_ANCESTORS, type UiSecurityHeadersOptions, uiSecurityHeaders } from './http/ui-security-headers.js';
export { type Addon, type CreateAddonOptions, createAddon } from './kernel.js';
export { lazyObject } from './lazy-object.js';
export { entryOf } from './map-entry.js';
export { createLogger, isSecretKey, type Logger, REDACTED, redactSecrets, redactText } from './observability/index.js';
export * from './openapi/index.js';
export * from './plugin/index.js';
export { createSecretBox, type SecretBox } from './security/secret-box.js';
export type { SqliteSession, SqliteStatement, Store, WithSqlite } from './store/index.js';
export {
  ApiCall,
  ApiPreset,
  BOOTSTRAP_CHECKPOINT_STATES,
  BOOTSTRAP_JOB_STATES,
  BootstrapCheckpoint,
  type BootstrapCheckpointState,
  BootstrapJob,
  type BootstrapJobState,
  createRetention,
  createWebhookInbox,
  emptyStateCounts,
  type InboxEvent,
  type InboxFilter,
  type InboxPage,
  Installation,
  leaseFree,
  leaseOwnerId,
  OPEN_WEBHOOK_EVENT_STATES,
  type Retention,
  RetiredInstallation,
  WEBHOOK_EVENT_STATES,
  WebhookEvent,
  type WebhookEventState,
  type WebhookInbox,
  WorkspaceRecord,
} from './store/index.js';
export { redisKey } from './store/redis-key.js';
export { TIMED_OUT, withTimeLimit } from './time-limit.js';
export * from './workers/index.js';
