import { statsFixture } from './stats-fixture.js';
import type { EventState, InboxEvent, SubscriptionReport } from './types.js';

export interface FakeAdminApi {
  fetch: typeof fetch;
  /** `METHOD path?query` of every request, in order. */
  requests: string[];
  events: (InboxEvent & { body: unknown })[];
  /** Answers every request with this error instead (status and `error` body). */
  failWith?: { status: number; code: string; message: string; requestId?: string };
  /** While set, requests wait for it: a test can look at the view while a call is in flight. */
  gate?: Promise<void>;
  /** A replayed event reads back as handled: the dispatcher ran it. */
  settleReplays: boolean;
}

const HEALTH: SubscriptionReport = {
  workspaceId: 'ws-1',
  installationStatus: 'ACTIVE',
  checkedAt: '2025-05-01T12:00:00.000Z',
  status: 'degraded',
  webhooks: [
    { event: 'NEW_CLIENT', path: '/webhooks/new-client', url: 'https://addon.test/webhooks/new-client', state: 'ok' },
    { event: 'NEW_TAG', path: '/webhooks/new-tag', url: 'https://addon.test/webhooks/new-tag', state: 'missing' },
  ],
  unexpected: [],
};

export function inboxEvent(id: number, event: string, state: EventState, lastError: string | null = null): InboxEvent & { body: unknown } {
  return {
    id,
    workspaceId: 'ws-1',
    event,
    entityId: `entity-${id}`,
    state,
    attempts: state === 'pending' ? 0 : 1,
    receivedAt: new Date(Date.UTC(2025, 4, 1, 11, id)).toISOString(),
    nextAttemptAt: null,
    handledAt: state === 'handled' ? new Date(Date.UTC(2025, 4, 1, 11, id, 5)).toISOString() : null,
    lastError,
    handlers: lastError ? { 'flaky#0': { ok: false, attempts: 1, error: lastError } } : {},
    body: { id: `entity-${id}`, name: `client ${id}`, nested: { archived: false } },
  };
}

/** The webhook admin API in memory, answering the shapes plugins/webhooks/README.md documents, for element tests. */
export function createFakeAdminApi(events: (InboxEvent & { body: unknown })[]): FakeAdminApi {
  const api: FakeAdminApi = { requests: [], events, settleReplays: false, fetch: undefined as unknown as typeof fetch };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const row = ({ body: _body, ...rest }: InboxEvent & { body: unknown }) => rest;

  const answer = (method: string, url: URL, body: Record<string, unknown>): Response => {
    // Whatever the configured paths, the last segments say which call it is.
    const path = url.pathname.endsWith('/health') ? '/health' : url.pathname.replace(/^\/[^/]+\/[^/]+/, '');
    const one = /^\/events\/(\d+)(\/\w+)?$/.exec(path);
    const event = one ? api.events.find((candidate) => candidate.id === Number(one[1])) : undefined;
    if (method === 'GET' && path === '/health') return json(200, HEALTH);
    if (method === 'GET' && path === '/stats')
      return json(200, statsFixture({ NEW_CLIENT: [1, 0, 2], TIMER_STOPPED: [0, 1] }, { dead: { NEW_CLIENT: 1 } }));
    if (method === 'GET' && path === '/events') return json(200, list(url.searchParams));
    if (method === 'POST' && path === '/events/replay') {
      const replayed = api.events.filter((candidate) => candidate.state === (body.state ?? 'dead'));
      for (const candidate of replayed) Object.assign(candidate, { state: 'pending', attempts: 0 });
      return json(200, { replayed: replayed.length });
    }
    if (!event) return json(404, { error: { code: 'EVENT_NOT_FOUND', message: 'no such event', requestId: 'req-404' } });
    if (method === 'GET' && !one?.[2]) {
      if (api.settleReplays && event.state === 'pending') Object.assign(event, { state: 'handled', attempts: 1, lastError: null });
      return json(200, { event });
    }
    if (method === 'POST' && one?.[2] === '/replay') Object.assign(event, { state: 'pending', attempts: 0 });
    if (method === 'POST' && one?.[2] === '/discard') Object.assign(event, { state: 'discarded' });
    return json(200, { event: row(event) });
  };

  const list = (query: URLSearchParams) => {
    const limit = Number(query.get('limit') ?? 50);
    const cursor = Number(query.get('cursor') ?? Number.POSITIVE_INFINITY);
    const matching = api.events
      .filter(
        (event) =>
          (!query.get('event') || event.event === query.get('event')) && (!query.get('state') || event.state === query.get('state')),
      )
      .filter((event) => event.id < cursor)
      .sort((a, b) => b.id - a.id);
    const page = matching.slice(0, limit).map(row);
    return { events: page, ...(matching.length > limit ? { nextCursor: String(page.at(-1)?.id) } : {}) };
  };

  api.fetch = async (input, init = {}) => {
    const url = new URL(String(input), 'https://addon.test');
    const method = init.method ?? 'GET';
    api.requests.push(`${method} ${url.pathname}${url.search}`);
    await api.gate;
    if (api.failWith) {
      const { status, ...error } = api.failWith;
      return json(status, { error });
    }
    return answer(method, url, init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {});
  };
  return api;
}
