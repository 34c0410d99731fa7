/**
 * Every boot-time error code, with the short sentence that heads its message.
 * One catalogue, so codes stay stable and each has a test that asserts it.
 */
export const bootErrors = {
  CONFIG_NOT_FOUND: 'the configuration file does not exist',
  CONFIG_UNREADABLE: 'the configuration file is not valid YAML',
  CONFIG_MISSING_VARIABLE: 'an environment variable the configuration needs is not set',
  CONFIG_INVALID: 'the configuration does not match its schema',
  CONFIG_UNKNOWN_KEY: 'the configuration has a key it does not know',
  PLUGIN_NOT_FOUND: 'a plugin named in the configuration cannot be found',
  PLUGIN_LOAD_FAILED: 'a plugin file failed to load',
  PLUGIN_INVALID: 'a plugin module does not export a plugin made with definePlugin',
  PLUGIN_DUPLICATE: 'two plugins have the same name',
  PLUGIN_MISSING_DEPENDENCY: 'a plugin depends on a plugin that is not configured',
  PLUGIN_DEPENDENCY_CYCLE: 'plugins depend on each other in a cycle',
  PLUGIN_OPTIONS_INVALID: 'plugin options do not match the plugin schema',
  PLUGIN_SETUP_FAILED: 'a plugin threw while setting up',
  PLUGIN_READY_FAILED: 'a plugin threw in its onReady hook',
  SERVICE_NOT_PROVIDED: 'a plugin asked for a service that no plugin provides',
  SERVICE_ALREADY_PROVIDED: 'two plugins provide the same service',
  ROUTE_POLICY_UNKNOWN: 'a route asks for an auth policy that no plugin defines',
  ROUTE_CONFLICT: 'two plugins register the same route',
  ROUTE_META_INVALID: 'a route lacks a fact its auth policy needs (RouteOptions.meta)',
  AUTH_KEY_INVALID: 'a trusted public key cannot be loaded',
  STORE_CONNECT_FAILED: 'the database cannot be reached',
  STORE_MIGRATION_FAILED: 'a database migration failed',
  SERVER_LISTEN_FAILED: 'the HTTP server cannot listen on its port',
  OPENAPI_NOT_FOUND: 'the OpenAPI document does not exist',
  OPENAPI_UNREADABLE: 'the OpenAPI document is not valid JSON or YAML',
  OPENAPI_INVALID: 'the OpenAPI document is not a valid OpenAPI 3 document',
  OPENAPI_UNKNOWN_OPERATION: 'no operation in the OpenAPI document has this operationId',
  MANIFEST_INVALID: 'the generated manifest breaks a rule of its Clockify schema version',
} as const;

export type BootErrorCode = keyof typeof bootErrors;
