/** The Clockify API client: host allowlist, path checks, rate governor, retries and metrics. */

export type { ApiTarget, Query, QueryValue } from './api-url.js';
export { CLOCKIFY_ERRORS, ClockifyApiError, type ClockifyErrorCode, isClockifyApiError } from './client-errors.js';
export { type ClockifyMetrics, createClockifyMetrics } from './client-metrics.js';
export { type ClockifyClientOptions, type ClockifyCredentials, createClockifyClient } from './create-clockify-client.js';
export {
  type ClientOverrides,
  type ClockifyClients,
  type ClockifyClientsOptions,
  clockifyClientsKey,
  createClockifyClients,
} from './create-clockify-clients.js';
export { CLOCKIFY_HOSTS, createHostAllowlist, type HostAllowlist, type HostAllowlistOptions, isHostPattern } from './host-allowlist.js';
export { createMemoryGovernor, type MemoryGovernorOptions } from './memory-governor.js';
export type { AcquireOptions, GovernorStats, RateGovernor } from './rate-governor.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions, type RatePlan, type RateRule } from './rate-rules.js';
export { createRedisGovernor, type RedisGovernorOptions } from './redis-governor.js';
export { DEFAULT_RETRIES, type RetryOptions } from './retry-policy.js';
export type { AttemptInput, AttemptResult, AttemptSender, HttpRequest } from './send-attempt.js';
export type {
  ClockifyClient,
  ClockifyMethod,
  ClockifyPage,
  ClockifyRequest,
  ClockifyResponse,
  PaginateOptions,
  RequestOptions,
} from './types.js';
