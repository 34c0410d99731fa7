import type { Logger } from 'pino';
import type { ClockifyClient } from '../clockify/api-client/types.js';
import type { LifecycleType, WebhookEventName } from '../clockify/events.js';
import type { InstallationRecord } from '../clockify/installations.js';
import { entryOf } from '../map-entry.js';

/**
 * Payload type of each webhook event. `unknown` until a typed payload is declared for it
 * (the webhooks plugin augments this interface with one type per event family).
 */
export interface WebhookPayloads extends Record<WebhookEventName, unknown> {}

/** Payload type of each lifecycle call; augmented by the lifecycle plugin. */
export interface LifecyclePayloads extends Record<LifecycleType, unknown> {}

/** What a handler gets beside the payload; plugins that dispatch add fields by augmentation. */
export interface HandlerContext {
  workspaceId: string;
  log: Logger;
}

/** What a webhook handler gets beside the payload, from the webhooks plugin's dispatcher (never on the request path). */
export interface WebhookContext<E extends WebhookEventName = WebhookEventName> extends HandlerContext {
  event: E;
  /** The event's row in the inbox: the same on every attempt and replay, so handlers can key their own idempotency on it. */
  eventId: number;
  /** 1 on the first run; counts each dispatch of the event (a replay starts again at 1). */
  attempt: number;
  /** The workspace's installation, as stored (ACTIVE: inactive installations are not dispatched to). */
  installation: InstallationRecord;
  /** Calls the Clockify API as the installation: its apiUrl and token, the host allowlist, the workspace's rate governor. */
  api: ClockifyClient;
}

export type WebhookHandler<E extends WebhookEventName = WebhookEventName> = (
  payload: WebhookPayloads[E],
  context: WebhookContext<E>,
) => unknown;

export type LifecycleHandler<T extends LifecycleType = LifecycleType> = (
  payload: LifecyclePayloads[T],
  context: HandlerContext & { type: T },
) => unknown;

export interface RegisteredHandler<H> {
  plugin: string;
  handler: H;
}

/** Handlers collected by name from every plugin; the plugin that receives the events dispatches them. */
export class HandlerRegistry<Name extends string, H> {
  #handlers = new Map<Name, RegisteredHandler<H>[]>();

  add(name: Name, plugin: string, handler: H): void {
    entryOf(this.#handlers, name, () => []).push({ plugin, handler });
  }

  handlers(name: Name): readonly RegisteredHandler<H>[] {
    return this.#handlers.get(name) ?? [];
  }

  /** Names with at least one handler, in the order they were first registered. */
  names(): Name[] {
    return [...this.#handlers.keys()];
  }
}
