import type { AddonApi } from '../core/addon-api.js';
import type { DeliveryStats, InboxEvent, InboxEventDetail, InboxFilter, InboxPage, SubscriptionReport } from './types.js';

export interface WebhooksApiPaths {
  /** The webhooks plugin's `adminPath`. */
  webhooks: string;
  /** The lifecycle plugin's `healthPath`. */
  health: string;
}

/** The admin calls the component makes, named after what they do; every one goes through the shared client. */
export function createWebhooksApi(client: AddonApi, { webhooks, health }: WebhooksApiPaths) {
  const base = webhooks.replace(/\/+$/, '');
  const events = `${base}/events`;
  return {
    list: (filter: InboxFilter, { limit, cursor }: { limit: number; cursor?: string }) =>
      client.get<InboxPage>(events, { event: filter.event, state: filter.state, limit, cursor }),
    get: (id: number) => client.get<{ event: InboxEventDetail }>(`${events}/${id}`).then((answer) => answer.event),
    replay: (id: number) => client.post<{ event: InboxEvent }>(`${events}/${id}/replay`).then((answer) => answer.event),
    /** Replays every dead event (of one kind when `event` is set). */
    replayDead: (event?: string) =>
      client
        .post<{ replayed: number }>(`${events}/replay`, { state: 'dead', ...(event ? { event } : {}) })
        .then((answer) => answer.replayed),
    discard: (id: number) => client.post<{ event: InboxEvent }>(`${events}/${id}/discard`).then((answer) => answer.event),
    /** Deliveries per hour and event over the last `hours`: by default the day the overview's chart shows. */
    stats: (hours = 24) => client.get<DeliveryStats>(`${base}/stats`, { hours }),
    health: (refresh = false) => client.get<SubscriptionReport>(health, refresh ? { refresh: 'true' } : undefined),
  };
}

export type WebhooksApi = ReturnType<typeof createWebhooksApi>;
