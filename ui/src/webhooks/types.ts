/**
 * The shapes the webhook admin API answers (plugins/webhooks/README.md, "Admin API") and the lifecycle plugin's
 * subscription report (plugins/lifecycle/README.md). Written out here rather than imported: the browser bundle must
 * not reach into server modules, and these are the documented wire format. tests/contract/ui-wire-types.test.ts
 * checks at type-check time that the server's answers still fit them.
 */

export const EVENT_STATES = ['pending', 'failed', 'handled', 'dead', 'discarded'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** States the dispatcher still works on: a view showing one refreshes it until it settles. */
export const OPEN_STATES: readonly EventState[] = ['pending', 'failed'];

export interface HandlerResult {
  ok: boolean;
  attempts: number;
  error?: string;
  at?: string;
}

export interface InboxEvent {
  id: number;
  workspaceId: string;
  event: string;
  entityId: string;
  state: EventState;
  attempts: number;
  receivedAt: string;
  nextAttemptAt: string | null;
  handledAt: string | null;
  lastError: string | null;
  /** Keyed `plugin#n`. */
  handlers: Record<string, HandlerResult>;
}

export interface InboxEventDetail extends InboxEvent {
  body: unknown;
}

export interface InboxPage {
  events: InboxEvent[];
  nextCursor?: string;
}

export interface InboxFilter {
  event: string;
  state: string;
}

export interface EventDeliveries {
  event: string;
  total: number;
  states: Record<EventState, number>;
  /** One count per `bucketMs`, oldest first. */
  buckets: number[];
}

export interface DeliveryStats {
  from: string;
  to: string;
  bucketMs: number;
  events: EventDeliveries[];
}

export type SubscriptionState = 'ok' | 'missing' | 'disabled' | 'unknown';

export interface SubscriptionReport {
  workspaceId: string;
  installationStatus: string;
  checkedAt: string;
  status: 'ok' | 'degraded' | 'unavailable';
  webhooks: { event: string; path: string; url: string; state: SubscriptionState }[];
  unexpected: { webhookEvent: string; url: string; enabled: boolean }[];
  workspaceWebhookCount?: number;
  error?: { code: string; message: string };
}
