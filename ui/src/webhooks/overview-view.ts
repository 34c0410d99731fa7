import { html, nothing } from 'lit';
import type { Loadable } from '../core/resource.js';
import { renderDeliveryChart } from './delivery-chart.js';
import { renderError } from './error-notice.js';
import { renderHealth } from './health-panel.js';
import type { DeliveryStats, SubscriptionReport } from './types.js';

export interface OverviewOptions {
  health: Loadable<SubscriptionReport>;
  stats: Loadable<DeliveryStats>;
  locale: string;
  onCheck: () => void;
  onRefresh: () => void;
}

/** The first view: are the subscriptions in place, and what arrived over the last day. */
export function renderOverview({ health, stats, locale, onCheck, onRefresh }: OverviewOptions) {
  return html`<h2 tabindex="-1">Overview</h2>
    <section aria-labelledby="health-heading" data-panel="health">
      <div class="section-head">
        <h3 id="health-heading">Webhook subscriptions</h3>
        <button data-action="check" ?disabled=${health.status === 'pending'} @click=${onCheck}>Check again</button>
      </div>
      ${renderLoadable(health, (report) => renderHealth(report, locale))}
    </section>
    <section aria-labelledby="chart-heading" data-panel="chart">
      <div class="section-head">
        <h3 id="chart-heading">Deliveries per hour, last 24 hours</h3>
        <button data-action="refresh-stats" ?disabled=${stats.status === 'pending'} @click=${onRefresh}>Refresh</button>
      </div>
      ${renderLoadable(stats, (value) => renderDeliveryChart(value, locale))}
    </section>`;
}

/** Pending, complete or failed, said explicitly; a failed reload keeps showing the last value under its error. */
function renderLoadable<T>(state: Loadable<T>, complete: (value: T) => unknown) {
  if (state.status === 'error') return html`${renderError(state.error)}${state.value === undefined ? nothing : complete(state.value)}`;
  if (state.status === 'idle' || state.value === undefined) return html`<p class="muted">Loading…</p>`;
  return complete(state.value);
}
