import type { Manifest } from '../clockify/build-manifest.js';
import type { LifecycleType, WebhookEventName } from '../clockify/events.js';
import { HealthChecks } from '../http/health.js';
import type { HttpMethod } from '../http/route-table.js';
import type { AddonHandler, AddonMiddleware, RequestObserver } from '../http/types.js';
import { HandlerRegistry, type LifecycleHandler, type WebhookHandler } from './handlers.js';
import type { Hook, PolicyFactory, RouteOptions } from './types.js';

export interface RouteRegistration {
  plugin: string;
  method: HttpMethod;
  path: string;
  handler: AddonHandler;
  options: RouteOptions;
}

interface Owned<T> {
  plugin: string;
  value: T;
}

/**
 * Everything plugins register during setup. The kernel mounts it afterwards, in a fixed order
 * (global middleware, then routes), so the order plugins ran in cannot change what runs first.
 */
export class Registrations {
  readonly routes: RouteRegistration[] = [];
  readonly middleware: Owned<AddonMiddleware>[] = [];
  readonly observers: Owned<RequestObserver>[] = [];
  readonly policies = new Map<string, Owned<PolicyFactory>>();
  readonly services = new Map<string, Owned<unknown>>();
  readonly afterSetupHooks: Owned<Hook>[] = [];
  readonly readyHooks: Owned<Hook>[] = [];
  readonly closeHooks: Owned<Hook>[] = [];
  readonly health = new HealthChecks();
  readonly webhooks = new HandlerRegistry<WebhookEventName, WebhookHandler<WebhookEventName>>();
  readonly lifecycle = new HandlerRegistry<LifecycleType, LifecycleHandler<LifecycleType>>();
  /** Set by the kernel once every plugin is set up and the manifest is built (`ctx.manifest()`). */
  manifest?: Manifest;
}
