import { html, nothing } from 'lit';
import { renderConfirmDiscard } from './confirm-discard.js';
import { formatTime } from './format.js';
import { renderState } from './state-badge.js';
import type { InboxEventDetail } from './types.js';

export interface EventDetailOptions {
  event: InboxEventDetail;
  busy: boolean;
  confirming: boolean;
  locale: string;
  onReplay: () => void;
  onDiscard: () => void;
  onConfirmDiscard: () => void;
  onCancelDiscard: () => void;
}

/** One event: where it stands, each handler's outcome, the last error and the payload as received. */
export function renderEventDetail({ event, busy, confirming, locale, ...on }: EventDetailOptions) {
  const handlers = Object.entries(event.handlers);
  return html`<dl class="facts" data-detail=${event.id}>
      <dt>Event</dt><dd>${event.event}</dd>
      <dt>State</dt><dd>${renderState(event.state)}</dd>
      <dt>Entity</dt><dd><code>${event.entityId || '–'}</code></dd>
      <dt>Attempts</dt><dd>${event.attempts}</dd>
      <dt>Received</dt><dd>${formatTime(event.receivedAt, locale)}</dd>
      <dt>Next attempt</dt><dd>${formatTime(event.nextAttemptAt, locale)}</dd>
      <dt>Handled</dt><dd>${formatTime(event.handledAt, locale)}</dd>
    </dl>
    ${
      confirming
        ? renderConfirmDiscard({ id: event.id, onConfirm: on.onConfirmDiscard, onCancel: on.onCancelDiscard })
        : html`<p class="actions">
            <button class="primary" data-action="replay" ?disabled=${busy || event.state === 'pending'} @click=${on.onReplay}>
              ${event.state === 'handled' ? 'Run again' : 'Replay'}
            </button>
            <button class="danger" data-action="discard" ?disabled=${busy || event.state === 'handled' || event.state === 'discarded'} @click=${on.onDiscard}>
              Discard
            </button>
          </p>`
    }
    ${event.lastError ? html`<h3>Last error</h3><pre class="last-error" data-last-error>${event.lastError}</pre>` : nothing}
    <h3>Handlers</h3>
    ${
      handlers.length === 0
        ? html`<p class="muted">No handler has run yet.</p>`
        : html`<table data-handlers>
          <thead>
            <tr><th scope="col">Handler</th><th scope="col">Outcome</th><th scope="col">Runs</th><th scope="col">Error</th></tr>
          </thead>
          <tbody>
            ${handlers.map(
              ([key, result]) => html`<tr>
                <td><code>${key}</code></td>
                <td>${result.ok ? 'ok' : 'failed'}</td>
                <td>${result.attempts}</td>
                <td>${result.error ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
    }
    <h3>Payload</h3>
    <pre data-payload>${JSON.stringify(event.body, null, 2)}</pre>`;
}
