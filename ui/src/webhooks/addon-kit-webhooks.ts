import { html, nothing, type PropertyValues } from 'lit';
import { type ApiError, isAdminRequired, toApiError } from '../core/addon-api.js';
import { AddonElement } from '../core/addon-element.js';
import { Resource } from '../core/resource.js';
import { themeStyles } from '../core/theme.js';
import { paletteStyles } from './chart-palette.js';
import { CursorPager } from './cursor-pager.js';
import { renderDeadLetters } from './dead-letters.js';
import { renderAdminsOnly, renderError } from './error-notice.js';
import { renderEventDetail } from './event-detail.js';
import { renderInboxTable } from './inbox-table.js';
import { OpenEventWatch } from './open-event-watch.js';
import { renderOverview } from './overview-view.js';
import type { DeliveryStats, InboxEvent, InboxEventDetail, InboxFilter, InboxPage, SubscriptionReport } from './types.js';
import { createWebhooksApi, type WebhooksApi } from './webhooks-api.js';
import { parseRoute, routeOf, type WebhooksView } from './webhooks-route.js';
import { webhooksStyles } from './webhooks-styles.js';

const VIEWS = [
  { name: 'overview', label: 'Overview' },
  { name: 'inbox', label: 'Inbox' },
  { name: 'dead', label: 'Dead letters' },
] as const;

type ListKind = 'inbox' | 'dead';

/**
 * The webhook inbox for workspace admins: subscription health (the manifest's webhooks against Clockify's), a chart
 * of the last day's deliveries, the inbox with filters and paging, the dead letters with replay and discard, and one
 * event's detail. Its place (`''`, `inbox`, `dead`, `events/<id>`) is `route`. Shown events in an open state are
 * refreshed every `refresh-ms` until they settle, so a replay's outcome appears where the admin acted.
 *
 * @fires addon-route - `{ route }` when the view changes (AddonElement.navigate).
 */
export class AddonKitWebhooks extends AddonElement {
  static override properties = {
    // Lit merges a superclass's declarations by itself; the spread keeps the static side's type compatible.
    ...AddonElement.properties,
    webhooksPath: { attribute: 'webhooks-path' },
    healthPath: { attribute: 'health-path' },
    pageSize: { attribute: 'page-size', type: Number },
    refreshMs: { attribute: 'refresh-ms', type: Number },
    filter: { state: true },
    busy: { state: true },
    confirming: { state: true },
    notice: { state: true },
    adminOnly: { state: true },
  };

  static override styles = [themeStyles, paletteStyles, webhooksStyles];

  /** The webhooks plugin's `adminPath`. */
  declare webhooksPath: string;
  /** The lifecycle plugin's `healthPath`. */
  declare healthPath: string;
  declare pageSize: number;
  declare refreshMs: number;
  declare filter: InboxFilter;
  /** Event ids with an action in flight; `all` during "replay all". */
  declare busy: ReadonlySet<number | 'all'>;
  /** The event whose discard awaits confirmation. */
  declare confirming: number | undefined;
  /** What the last action did. */
  declare notice: { text: string } | { error: ApiError } | undefined;
  declare adminOnly: boolean;

  readonly #health = new Resource<SubscriptionReport>(this, (error) => this.#onError(error));
  readonly #stats = new Resource<DeliveryStats>(this, (error) => this.#onError(error));
  readonly #list = new Resource<InboxPage>(this, (error) => this.#onError(error));
  readonly #detail = new Resource<InboxEventDetail>(this, (error) => this.#onError(error));
  readonly #pager = new CursorPager();
  readonly #watch = new OpenEventWatch(this, {
    intervalMs: () => this.refreshMs,
    shown: () => this.#shownEvents(),
    fetch: (id) => this.#api.get(id),
    put: (event) => this.#put(event),
  });
  /** The list shown last (its page is the one `#list` holds). */
  #listKind: ListKind | undefined;
  /** A selector to focus once the next render is done (after a view change the user asked for, or an action). */
  #focusNext: string | undefined;

  constructor() {
    super();
    this.webhooksPath = '/admin/webhooks';
    this.healthPath = '/admin/webhooks/health';
    this.pageSize = 25;
    this.refreshMs = 2000;
    this.filter = { event: '', state: '' };
    this.busy = new Set();
    this.confirming = undefined;
    this.notice = undefined;
    this.adminOnly = false;
  }

  get #api(): WebhooksApi {
    return createWebhooksApi(this.client, { webhooks: this.webhooksPath, health: this.healthPath });
  }

  get #view(): WebhooksView {
    return parseRoute(this.route);
  }

  /** The list an event's view belongs to and goes back to: the one shown last, else the inbox. */
  get #lastList(): ListKind {
    return this.#listKind ?? 'inbox';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const sources = ['route', 'api', 'baseUrl', 'webhooksPath', 'healthPath'] as const;
    if (sources.some((key) => changed.has(key))) this.#loadView();
  }

  override updated(): void {
    if (!this.#focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focusNext);
    this.#focusNext = undefined;
    target?.focus();
  }

  #loadView(): void {
    this.#watch.stop();
    this.confirming = undefined;
    const view = this.#view;
    if (view.name === 'overview') {
      void this.#health.load(() => this.#api.health());
      void this.#stats.load(() => this.#api.stats());
    } else if (view.name === 'event') {
      void this.#detail.load(() => this.#api.get(view.id)).then(() => this.#watch.schedule());
    } else {
      if (this.#listKind !== view.name) {
        this.#listKind = view.name;
        this.#pager.reset();
        this.#list.reset();
      }
      // The inbox filter offers the events of the last day; the stats are one cheap grouped query.
      if (view.name === 'inbox' && this.#stats.state.status === 'idle') void this.#stats.load(() => this.#api.stats());
      this.#loadList();
    }
  }

  #loadList(): void {
    const filter = this.#listKind === 'dead' ? { event: '', state: 'dead' } : this.filter;
    const page = { limit: this.pageSize, cursor: this.#pager.cursor };
    void this.#list.load(() => this.#api.list(filter, page)).then(() => this.#watch.schedule());
  }

  #shownEvents(): (InboxEvent | undefined)[] {
    const view = this.#view;
    if (view.name === 'event') return this.#detail.value?.id === view.id ? [this.#detail.value] : [];
    return view.name === 'overview' ? [] : (this.#list.value?.events ?? []);
  }

  #onError(error: ApiError): void {
    if (isAdminRequired(error)) this.adminOnly = true;
  }

  #go(view: WebhooksView): void {
    this.notice = undefined;
    this.#focusNext = 'h2';
    this.navigate(routeOf(view));
  }

  #onFilter = (filter: InboxFilter): void => {
    this.filter = filter;
    this.#pager.reset();
    this.#loadList();
  };

  #onPage = (direction: 'newer' | 'older'): void => {
    if (direction === 'older') this.#pager.older(this.#list.value?.nextCursor);
    else this.#pager.newer();
    this.#focusNext = 'table[data-inbox]';
    this.#loadList();
  };

  /** Runs one action: marks it busy, puts its answer in place, says what happened, and moves focus somewhere useful. */
  async #act(key: number | 'all', action: () => Promise<string>, focus: () => string): Promise<void> {
    this.busy = new Set([...this.busy, key]);
    try {
      this.notice = { text: await action() };
    } catch (caught) {
      const error = toApiError(caught);
      this.#onError(error);
      this.notice = { error };
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
      this.confirming = undefined;
      this.#focusNext = focus();
      this.#watch.schedule();
    }
  }

  #replay = (id: number): void => {
    const replay = async () => {
      this.#put(await this.#api.replay(id));
      return `Event ${id} replayed: it is queued to run again.`;
    };
    void this.#act(id, replay, () => this.#nextFocus(id));
  };

  #replayAll = (): void => {
    const replayAll = async () => {
      const replayed = await this.#api.replayDead();
      // Every dead event is pending now; the watch refreshes the listed ones until they settle.
      const pending = (event: InboxEvent): InboxEvent => (event.state === 'dead' ? { ...event, state: 'pending' } : event);
      this.#list.update((page) => ({ ...page, events: page.events.map(pending) }));
      return `${replayed} dead event${replayed === 1 ? '' : 's'} replayed.`;
    };
    void this.#act('all', replayAll, () => 'h2');
  };

  #askDiscard = (id: number): void => {
    this.confirming = id;
    this.#focusNext = `[data-confirm="${id}"] [data-action="cancel"]`;
  };

  #cancelDiscard = (id: number): void => {
    this.confirming = undefined;
    this.#focusNext = this.#view.name === 'event' ? '[data-action="discard"]' : `[data-id="${id}"] [data-action="discard"]`;
  };

  #discard = (id: number): void => {
    const discard = async () => {
      this.#put(await this.#api.discard(id));
      return `Event ${id} discarded.`;
    };
    void this.#act(id, discard, () => this.#nextFocus(id));
  };

  /** After acting on a dead letter: the next one still dead (else the previous), or the heading when none is left. */
  #nextFocus(id: number): string {
    if (this.#view.name === 'event') return 'h2';
    const events = this.#list.value?.events ?? [];
    const index = events.findIndex((event) => event.id === id);
    const candidates = [...events.slice(index + 1), ...events.slice(0, Math.max(index, 0)).reverse()];
    const next = candidates.find((event) => event.state === 'dead');
    return next ? `[data-id="${next.id}"] [data-action="replay"]` : 'h2';
  }

  /** Puts a fresher copy of an event wherever it is shown. */
  #put(event: InboxEvent | InboxEventDetail): void {
    const { body: _body, ...row } = event as InboxEventDetail;
    this.#list.update((page) => ({ ...page, events: page.events.map((shown) => (shown.id === row.id ? row : shown)) }));
    this.#detail.update((shown) => (shown.id === row.id ? { ...shown, ...row } : shown));
  }

  override render() {
    if (this.adminOnly) return renderAdminsOnly();
    const view = this.#view;
    const current = view.name === 'event' ? this.#lastList : view.name;
    return html`<nav class="views" aria-label="Webhook views">
        ${VIEWS.map(
          ({ name, label }) =>
            html`<button data-view=${name} aria-current=${name === current ? 'page' : 'false'} @click=${() => this.#go({ name })}>
              ${label}
            </button>`,
        )}
      </nav>
      ${
        view.name === 'overview'
          ? renderOverview({
              health: this.#health.state,
              stats: this.#stats.state,
              locale: this.locale,
              onCheck: () => this.#health.load(() => this.#api.health(true)),
              onRefresh: () => this.#stats.load(() => this.#api.stats()),
            })
          : view.name === 'event'
            ? this.#renderEvent(view.id)
            : this.#renderList(view.name)
      }`;
  }

  #renderList(kind: ListKind) {
    const state = this.#list.state;
    const events = (this.#listKind === kind ? this.#list.value?.events : undefined) ?? [];
    const loading = state.status === 'pending';
    const onOpen = (id: number) => this.#go({ name: 'event', id });
    const body =
      kind === 'dead'
        ? renderDeadLetters({
            events,
            busy: this.busy,
            confirming: this.confirming,
            loading,
            locale: this.locale,
            onReplay: this.#replay,
            onReplayAll: this.#replayAll,
            onDiscard: this.#askDiscard,
            onConfirmDiscard: this.#discard,
            onCancelDiscard: this.#cancelDiscard,
            onOpen,
          })
        : renderInboxTable({
            events,
            filter: this.filter,
            eventNames: this.#eventNames(),
            hasNewer: this.#pager.hasNewer,
            hasOlder: Boolean(this.#list.value?.nextCursor),
            loading,
            locale: this.locale,
            onFilter: this.#onFilter,
            onPage: this.#onPage,
            onOpen,
          });
    return html`<div class="section-head">
        <h2 tabindex="-1">${kind === 'dead' ? 'Dead letters' : 'Inbox'}</h2>
        <button data-action="reload" ?disabled=${loading} @click=${() => this.#loadList()}>Reload</button>
      </div>
      ${this.#renderNotice()} ${state.status === 'error' ? renderError(state.error) : nothing} ${body}`;
  }

  #renderEvent(id: number) {
    const state = this.#detail.state;
    const event = this.#detail.value?.id === id ? this.#detail.value : undefined;
    const back = this.#lastList === 'dead' ? 'dead letters' : 'the inbox';
    return html`<div class="section-head">
        <h2 tabindex="-1">Event ${id}</h2>
        <button data-action="back" @click=${() => this.#go({ name: this.#lastList })}>Back to ${back}</button>
      </div>
      ${this.#renderNotice()} ${state.status === 'error' ? renderError(state.error) : nothing}
      ${
        event
          ? renderEventDetail({
              event,
              busy: this.busy.has(id),
              confirming: this.confirming === id,
              locale: this.locale,
              onReplay: () => this.#replay(id),
              onDiscard: () => this.#askDiscard(id),
              onConfirmDiscard: () => this.#discard(id),
              onCancelDiscard: () => this.#cancelDiscard(id),
            })
          : state.status === 'pending'
            ? html`<p class="muted">Loading…</p>`
            : nothing
      }`;
  }

  /** What the last action did, under the heading; the status region is always there, so screen readers hear changes. */
  #renderNotice() {
    return html`<p role="status" aria-live="polite" data-notice>${this.notice && 'text' in this.notice ? this.notice.text : nothing}</p>
      ${this.notice && 'error' in this.notice ? renderError(this.notice.error) : nothing}`;
  }

  /** The events the inbox filter offers: those of the manifest's subscriptions, of the last day, and on screen. */
  #eventNames(): string[] {
    const names = new Set<string>();
    for (const webhook of this.#health.value?.webhooks ?? []) names.add(webhook.event);
    for (const entry of this.#stats.value?.events ?? []) names.add(entry.event);
    for (const event of this.#list.value?.events ?? []) names.add(event.event);
    return [...names];
  }
}
