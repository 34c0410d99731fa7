import { html, nothing } from 'lit';
import { formatTime } from './format.js';
import type { SubscriptionReport } from './types.js';

const STATUS_TEXT: Record<SubscriptionReport['status'], string> = {
  ok: 'Every webhook of the manifest is registered and enabled.',
  degraded: 'Some webhooks of the manifest are missing or disabled in Clockify: their events are not delivered.',
  unavailable: 'Clockify could not be asked for the registered webhooks.',
};

const STATE_CLASS: Record<string, string> = { ok: 'ok', missing: 'bad', disabled: 'warn', unknown: 'muted' };

/** The manifest's webhooks against those Clockify holds for the installation (the lifecycle plugin's report). */
export function renderHealth(report: SubscriptionReport, locale: string) {
  return html`<div data-health=${report.status}>
    <p>
      <span class="badge ${report.status === 'ok' ? 'ok' : report.status === 'degraded' ? 'bad' : 'warn'}">${report.status}</span>
      ${STATUS_TEXT[report.status]}
    </p>
    ${report.error ? html`<p class="error">${report.error.message} <span class="muted">(${report.error.code})</span></p>` : nothing}
    ${
      report.webhooks.length === 0
        ? html`<p class="muted">The manifest asks for no webhooks.</p>`
        : html`<table>
          <caption class="visually-hidden">Webhook subscriptions</caption>
          <thead>
            <tr><th scope="col">Event</th><th scope="col">Delivered to</th><th scope="col">In Clockify</th></tr>
          </thead>
          <tbody>
            ${report.webhooks.map(
              (webhook) => html`<tr data-webhook=${webhook.event}>
                <td>${webhook.event}</td>
                <td><code>${webhook.path}</code></td>
                <td><span class="badge ${STATE_CLASS[webhook.state] ?? ''}">${webhook.state}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>`
    }
    ${
      report.unexpected.length > 0
        ? html`<p>Registered in Clockify but not in the manifest (an old base URL?):</p>
          <ul>
            ${report.unexpected.map((webhook) => html`<li>${webhook.webhookEvent} → <code>${webhook.url}</code></li>`)}
          </ul>`
        : nothing
    }
    <p class="muted small">
      Installation ${report.installationStatus.toLowerCase()} · checked ${formatTime(report.checkedAt, locale)}
    </p>
  </div>`;
}
