// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddonApi } from '../core/addon-api.js';
import type { AddonKitWebhooks } from './addon-kit-webhooks.js';
import { createFakeAdminApi, type FakeAdminApi, inboxEvent } from './fake-admin-api.js';
import './index.js';

function mount(api: FakeAdminApi, route = '', attributes: Record<string, string> = {}): AddonKitWebhooks {
  const element = document.createElement('addon-kit-webhooks') as AddonKitWebhooks;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.api = new AddonApi({ token: () => 'x', fetch: api.fetch });
  element.route = route;
  element.refreshMs = 10;
  document.body.append(element);
  return element;
}

const $ = <T extends Element = HTMLElement>(element: AddonKitWebhooks, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector);
const $$ = (element: AddonKitWebhooks, selector: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = async (element: AddonKitWebhooks, selector: string) => {
  const button = $<HTMLButtonElement>(element, selector);
  if (!button) throw new Error(`nothing matches ${selector}`);
  button.click();
  await element.updateComplete;
};
const choose = async (element: AddonKitWebhooks, name: string, value: string) => {
  const select = $<HTMLSelectElement>(element, `select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await element.updateComplete;
};

const deadLetters = () => [
  inboxEvent(1, 'NEW_CLIENT', 'handled'),
  inboxEvent(2, 'NEW_CLIENT', 'dead', 'flaky#0: the downstream system is broken'),
  inboxEvent(3, 'TIMER_STOPPED', 'pending'),
  inboxEvent(4, 'NEW_CLIENT', 'dead', 'flaky#0: timeout after 60000 ms'),
];

afterEach(() => document.body.replaceChildren());

describe('<addon-kit-webhooks> overview', () => {
  it('shows the subscription health and the chart of the last day from the admin API', async () => {
    const api = createFakeAdminApi([]);
    const element = mount(api);
    await vi.waitFor(() => expect($(element, 'figure[data-chart]')).not.toBeNull());
    expect(api.requests).toEqual(['GET /admin/webhooks/health', 'GET /admin/webhooks/stats?hours=24']);
    expect($(element, '[data-health]')?.dataset.health).toBe('degraded');
    expect($$(element, '[data-webhook]').map(text)).toEqual(['NEW_CLIENT /webhooks/new-client ok', 'NEW_TAG /webhooks/new-tag missing']);
    expect($$(element, 'g[data-bar] rect')).toHaveLength(3);
    expect(text($(element, 'ul.legend'))).toContain('NEW_CLIENT 3 (1 dead)');
  });

  it('asks the paths it is given and checks again on request', async () => {
    const api = createFakeAdminApi([]);
    const element = mount(api, '', { 'webhooks-path': '/ops/hooks', 'health-path': '/ops/health' });
    await vi.waitFor(() => expect($(element, '[data-health]')).not.toBeNull());
    await click(element, '[data-action="check"]');
    await vi.waitFor(() => expect(api.requests).toContain('GET /ops/health?refresh=true'));
    expect(api.requests.slice(0, 2)).toEqual(['GET /ops/health', 'GET /ops/hooks/stats?hours=24']);
  });

  it('shows “admins only” when the API answers 403 ADMIN_REQUIRED', async () => {
    const api = createFakeAdminApi([]);
    api.failWith = { status: 403, code: 'ADMIN_REQUIRED', message: 'only workspace owners and admins may do this' };
    const element = mount(api);
    await vi.waitFor(() => expect($(element, '[data-admins-only]')).not.toBeNull());
    expect(text($(element, 'h2'))).toBe('Admins only');
    expect($(element, 'nav.views')).toBeNull();
  });

  it('shows an error with its message, code and request id', async () => {
    const api = createFakeAdminApi([]);
    api.failWith = { status: 500, code: 'INTERNAL_ERROR', message: 'an unexpected error occurred', requestId: 'req-42' };
    const element = mount(api);
    await vi.waitFor(() => expect($$(element, '[data-error]')).toHaveLength(2));
    expect(text($(element, '[data-error]'))).toBe('an unexpected error occurred INTERNAL_ERROR · HTTP 500 · request id req-42');
  });
});

describe('<addon-kit-webhooks> inbox', () => {
  it('lists the events newest first with their state, and filters by event and state', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'inbox');
    await vi.waitFor(() => expect($$(element, 'tr[data-id]')).toHaveLength(4));
    expect($$(element, 'tr[data-id]').map((row) => row.dataset.id)).toEqual(['4', '3', '2', '1']);
    expect($$(element, 'tr[data-id] [data-state]').map(text)).toEqual(['dead', 'pending', 'dead', 'handled']);
    const events = $$(element, 'select[name="event"] option').map((option) => (option as HTMLOptionElement).value);
    expect(events).toEqual(['', 'NEW_CLIENT', 'TIMER_STOPPED']);

    await choose(element, 'state', 'dead');
    await vi.waitFor(() => expect($$(element, 'tr[data-id]')).toHaveLength(2));
    expect(api.requests).toContain('GET /admin/webhooks/events?state=dead&limit=25');
    await choose(element, 'event', 'TIMER_STOPPED');
    await vi.waitFor(() => expect(text($(element, '[data-empty]'))).toBe('No events match.'));
    expect(api.requests.at(-1)).toBe('GET /admin/webhooks/events?event=TIMER_STOPPED&state=dead&limit=25');
  });

  it('pages older and back newer with the cursor the API gives', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'inbox', { 'page-size': '3' });
    await vi.waitFor(() => expect($$(element, 'tr[data-id]')).toHaveLength(3));
    expect($<HTMLButtonElement>(element, '[data-action="newer"]')?.disabled).toBe(true);
    await click(element, '[data-action="older"]');
    await vi.waitFor(() => expect($$(element, 'tr[data-id]').map((row) => row.dataset.id)).toEqual(['1']));
    expect(api.requests).toContain('GET /admin/webhooks/events?limit=3&cursor=2');
    expect($<HTMLButtonElement>(element, '[data-action="older"]')?.disabled).toBe(true);
    await click(element, '[data-action="newer"]');
    await vi.waitFor(() => expect($$(element, 'tr[data-id]')).toHaveLength(3));
  });

  it('opens an event’s detail: state, handlers, last error and the payload pretty-printed', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'inbox');
    const routes: string[] = [];
    element.addEventListener('addon-route', (event) => routes.push((event as CustomEvent<{ route: string }>).detail.route));
    await vi.waitFor(() => expect($$(element, 'tr[data-id]')).toHaveLength(4));
    await click(element, 'tr[data-id="2"] [data-action="open"]');
    expect(routes).toEqual(['events/2']);
    await vi.waitFor(() => expect($(element, '[data-payload]')).not.toBeNull());
    expect($(element, '[data-payload]')?.textContent).toBe(JSON.stringify(deadLetters()[1]!.body, null, 2));
    expect(text($(element, '[data-last-error]'))).toBe('flaky#0: the downstream system is broken');
    expect(text($(element, 'table[data-handlers] tbody'))).toBe('flaky#0 failed 1 flaky#0: the downstream system is broken');
    expect(element.shadowRoot!.activeElement?.tagName).toBe('H2');
  });
});

describe('<addon-kit-webhooks> event detail', () => {
  const button = (element: AddonKitWebhooks, action: string) => $<HTMLButtonElement>(element, `[data-action="${action}"]`)!;

  it('offers the actions each state allows', async () => {
    const api = createFakeAdminApi(deadLetters());
    const pending = mount(api, 'events/3');
    await vi.waitFor(() => expect($(pending, '[data-detail="3"]')).not.toBeNull());
    expect([button(pending, 'replay').disabled, button(pending, 'discard').disabled]).toEqual([true, false]);
    const handled = mount(api, 'events/1');
    await vi.waitFor(() => expect($(handled, '[data-detail="1"]')).not.toBeNull());
    expect(text(button(handled, 'replay'))).toBe('Run again');
    expect([button(handled, 'replay').disabled, button(handled, 'discard').disabled]).toEqual([false, true]);
    expect(text($(handled, 'h3 + p'))).toBe('No handler has run yet.');
  });

  it('replays from the detail and follows the event until it is handled', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'events/2');
    await vi.waitFor(() => expect($(element, '[data-detail="2"]')).not.toBeNull());
    api.settleReplays = true;
    await click(element, '[data-action="replay"]');
    await vi.waitFor(() => expect(text($(element, '[data-detail] [data-state]'))).toBe('handled'));
    expect(api.requests).toContain('POST /admin/webhooks/events/2/replay');
    expect(text($(element, '[data-notice]'))).toBe('Event 2 replayed: it is queued to run again.');
    expect(element.shadowRoot!.activeElement?.tagName).toBe('H2');
    expect($(element, '[data-payload]')).not.toBeNull();
  });

  it('says when the event is not in the workspace’s inbox', async () => {
    const element = mount(createFakeAdminApi([]), 'events/99');
    await vi.waitFor(() => expect(text($(element, '[data-error]'))).toBe('no such event EVENT_NOT_FOUND · HTTP 404 · request id req-404'));
  });
});

describe('<addon-kit-webhooks> dead letters', () => {
  it('lists dead events with their error and replays one, following it until it is handled', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'dead');
    await vi.waitFor(() => expect($$(element, 'li[data-id]')).toHaveLength(2));
    expect($$(element, 'li[data-id] [data-last-error]').map(text)).toEqual([
      'flaky#0: timeout after 60000 ms',
      'flaky#0: the downstream system is broken',
    ]);

    let open: () => void = () => undefined;
    api.gate = new Promise((resolve) => {
      open = resolve;
    });
    await click(element, 'li[data-id="4"] [data-action="replay"]');
    expect($<HTMLButtonElement>(element, 'li[data-id="4"] [data-action="replay"]')?.disabled).toBe(true);
    expect($<HTMLButtonElement>(element, 'li[data-id="4"] [data-action="discard"]')?.disabled).toBe(true);
    expect($<HTMLButtonElement>(element, 'li[data-id="2"] [data-action="replay"]')?.disabled).toBe(false);
    api.gate = undefined;
    open();

    await vi.waitFor(() => expect(text($(element, 'li[data-id="4"] [data-state]'))).toBe('pending'));
    expect(text($(element, '[data-notice]'))).toBe('Event 4 replayed: it is queued to run again.');
    expect($(element, 'li[data-id="4"] [data-action="replay"]')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe($(element, 'li[data-id="2"] [data-action="replay"]'));
    api.settleReplays = true;
    await vi.waitFor(() => expect(text($(element, 'li[data-id="4"] [data-state]'))).toBe('handled'));
  });

  it('asks before discarding, keeps focus on the choices, and discards on confirmation', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'dead');
    await vi.waitFor(() => expect($$(element, 'li[data-id]')).toHaveLength(2));

    await click(element, 'li[data-id="2"] [data-action="discard"]');
    expect(text($(element, '[data-confirm="2"] p'))).toBe('Discard event 2? It will not be dispatched again unless someone replays it.');
    expect(element.shadowRoot!.activeElement).toBe($(element, '[data-confirm="2"] [data-action="cancel"]'));
    $(element, '[data-confirm="2"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await element.updateComplete;
    expect($(element, '[data-confirm]')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe($(element, 'li[data-id="2"] [data-action="discard"]'));
    expect(api.requests.some((request) => request.startsWith('POST'))).toBe(false);

    await click(element, 'li[data-id="2"] [data-action="discard"]');
    await click(element, '[data-confirm="2"] [data-action="confirm-discard"]');
    await vi.waitFor(() => expect(text($(element, 'li[data-id="2"] [data-state]'))).toBe('discarded'));
    expect(api.requests).toContain('POST /admin/webhooks/events/2/discard');
    expect(text($(element, '[data-notice]'))).toBe('Event 2 discarded.');
    expect(element.shadowRoot!.activeElement).toBe($(element, 'li[data-id="4"] [data-action="replay"]'));
  });

  it('replays every dead event at once and then offers no more replays', async () => {
    const api = createFakeAdminApi(deadLetters());
    const element = mount(api, 'dead');
    await vi.waitFor(() => expect($$(element, 'li[data-id]')).toHaveLength(2));
    await click(element, '[data-action="replay-all"]');
    await vi.waitFor(() => expect(text($(element, '[data-notice]'))).toBe('2 dead events replayed.'));
    expect(api.requests).toContain('POST /admin/webhooks/events/replay');
    expect($$(element, 'li[data-id] [data-state]').map(text)).toEqual(['pending', 'pending']);
    expect($<HTMLButtonElement>(element, '[data-action="replay-all"]')?.disabled).toBe(true);
    expect(element.shadowRoot!.activeElement?.tagName).toBe('H2');
  });

  it('says when there are no dead letters', async () => {
    const element = mount(createFakeAdminApi([inboxEvent(1, 'NEW_CLIENT', 'handled')]), 'dead');
    await vi.waitFor(() => expect(text($(element, '[data-empty]'))).toMatch(/^No dead letters/));
    expect($(element, '[data-action="replay-all"]')).toBeNull();
  });
});
