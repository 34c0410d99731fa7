import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Manifest } from '../clockify/build-manifest.js';
import type { LifecycleType, WebhookEventName } from '../clockify/events.js';
import type { AddonConfig } from '../config/types.js';
import type { ReadinessCheck } from '../http/health.js';
import type { HttpMethod } from '../http/route-table.js';
import type { AddonHandler, AddonMiddleware, RequestObserver } from '../http/types.js';
import type { Store } from '../store/create-store.js';
import type { LifecycleHandler, RegisteredHandler, WebhookHandler } from './handlers.js';
import type { ServiceKey } from './service-key.js';

/** Built-in policy names; a plugin may define more with `ctx.policy`. `none` is public. */
export type AuthPolicy = 'lifecycle' | 'webhook' | 'user' | 'none' | (string & {});

export interface RouteOptions {
  /** Who may call the route. Required, so no route is public by accident. */
  auth: AuthPolicy;
  /** Body cap in bytes; the config's `server.maxBodyBytes` when absent. */
  bodyLimit?: number;
  /** Extra middleware run after auth and before the handler. */
  middleware?: AddonMiddleware[];
  /** Facts about the route its policy may need (e.g. the webhook event a webhook route receives). */
  meta?: Readonly<Record<string, unknown>>;
}

/** A route as its auth policy sees it when the kernel mounts it. */
export interface RouteInfo {
  readonly method: HttpMethod;
  readonly path: string;
  readonly plugin: string;
  readonly meta: Readonly<Record<string, unknown>>;
}

/** Builds the middleware that guards one route; called once per route at mount time. */
export type PolicyFactory = (route: RouteInfo) => AddonMiddleware;

export interface ManifestComponent {
  type: string;
  accessLevel: 'ADMINS' | 'EVERYONE';
  path: string;
  label?: string;
  iconPath?: string;
  options?: Record<string, unknown>;
  width?: number;
  height?: number;
}

/** What a plugin adds to the generated manifest. */
export interface ManifestContribution {
  scopes?: string[];
  lifecycle?: { type: LifecycleType; path: string }[];
  webhooks?: { event: WebhookEventName; path: string }[];
  components?: ManifestComponent[];
}

export interface ManifestInput<Options> {
  options: Options;
  config: AddonConfig;
  /** Events some plugin handles with `ctx.webhooks.on`, in registration order. */
  webhookEvents: readonly WebhookEventName[];
}

export type Hook = () => void | Promise<void>;

export interface PluginContext<Options = Record<string, unknown>> {
  readonly name: string;
  /** This plugin's section of addon.config.yaml, validated against `optionsSchema` with defaults filled. */
  readonly options: Options;
  /** The whole configuration, read-only. */
  readonly config: AddonConfig;
  readonly log: Logger;
  readonly store: Store;
  /** The kernel's prom-client registry and this plugin's metric name prefix (`addon_<name>_`). */
  readonly metrics: { readonly registry: Registry; readonly prefix: string };
  route(method: HttpMethod, path: string, handler: AddonHandler, options: RouteOptions): void;
  /** Middleware for every request, run before any route. */
  use(middleware: AddonMiddleware): void;
  /** Called once per answered request, after its response is built; cheaper than middleware that only looks. */
  observe(observer: RequestObserver): void;
  /** Defines an auth policy routes can name in `RouteOptions.auth`; the factory runs once per route using it. */
  policy(name: string, factory: PolicyFactory): void;
  provide<T>(key: ServiceKey<T>, value: T): void;
  /** A service provided by a plugin set up earlier (list it in `dependsOn`). */
  inject<T>(key: ServiceKey<T>): T;
  /** A readiness check reported by `GET /ready`. */
  health(name: string, check: ReadinessCheck): void;
  readonly webhooks: { on<E extends WebhookEventName>(event: E, handler: WebhookHandler<E>): void };
  readonly lifecycle: { on<T extends LifecycleType>(type: T, handler: LifecycleHandler<T>): void };
  /**
   * Read-only view of the handlers every plugin registered with `webhooks.on` / `lifecycle.on`, for the plugin
   * that receives those calls and dispatches them. Complete once every plugin is set up (request time, onReady).
   */
  readonly handlers: {
    lifecycle<T extends LifecycleType>(type: T): readonly RegisteredHandler<LifecycleHandler<T>>[];
    webhooks<E extends WebhookEventName>(event: E): readonly RegisteredHandler<WebhookHandler<E>>[];
  };
  /**
   * The generated manifest (what `GET /manifest` serves). It is built from every plugin's contribution after
   * setup, so it is available in onReady hooks and request handlers; calling it during setup throws.
   */
  manifest(): Manifest;
  /**
   * Runs once every plugin's setup has returned, in plugin order, before routes are mounted and the manifest is built.
   * For routes derived from what other plugins registered: `handlers` is complete here and `route`/`use` still count
   * (the webhooks plugin mounts one route per handled event, whichever plugin registered the handler).
   */
  afterSetup(hook: Hook): void;
  /** Runs after every plugin is set up, before the server listens. */
  onReady(hook: Hook): void;
  /** Runs at shutdown, after the server stopped accepting, in reverse plugin order. */
  onClose(hook: Hook): void;
}

export interface Plugin<Options = Record<string, unknown>> {
  /** kebab-case; also its log name and metric prefix. */
  readonly name: string;
  readonly dependsOn?: readonly string[];
  /** JSON Schema of its options section; defaults in it are filled in. */
  readonly optionsSchema?: Record<string, unknown>;
  readonly manifest?: (input: ManifestInput<Options>) => ManifestContribution;
  setup(ctx: PluginContext<Options>): void | Promise<void>;
}
