import { html, nothing } from 'lit';
import { renderConfirmDiscard } from './confirm-discard.js';
import { formatTime } from './format.js';
import { renderState } from './state-badge.js';
import type { InboxEvent } from './types.js';

export interface DeadLettersOptions {
  events: readonly InboxEvent[];
  /** Ids with an action in flight; `all` while every dead event is being replayed. */
  busy: ReadonlySet<number | 'all'>;
  /** The event whose discard awaits confirmation. */
  confirming?: number;
  loading: boolean;
  locale: string;
  onReplay: (id: number) => void;
  onReplayAll: () => void;
  onDiscard: (id: number) => void;
  onConfirmDiscard: (id: number) => void;
  onCancelDiscard: (id: number) => void;
  onOpen: (id: number) => void;
}

/**
 * Events whose handlers failed `maxAttempts` times, each with the error that killed it. An event replayed or
 * discarded from here stays listed with its new state (the host refreshes it until it settles), so the admin sees
 * the outcome where they acted.
 */
export function renderDeadLetters(options: DeadLettersOptions) {
  const { events, busy, loading } = options;
  const anyDead = events.some((event) => event.state === 'dead');
  if (events.length === 0)
    return html`<p class="muted" data-empty>${loading ? 'Loading…' : 'No dead letters: every event was handled or is still being tried.'}</p>`;
  return html`<p class="toolbar">
      <button data-action="replay-all" ?disabled=${!anyDead || busy.has('all')} @click=${options.onReplayAll}>
        Replay all dead events
      </button>
    </p>
    <ul class="cards" data-dead aria-busy=${loading ? 'true' : 'false'}>
      ${events.map((event) => renderCard(event, options))}
    </ul>`;
}

function renderCard(event: InboxEvent, options: DeadLettersOptions) {
  const { busy, confirming, locale } = options;
  const working = busy.has(event.id) || busy.has('all');
  return html`<li data-id=${event.id}>
    <p class="card-head">
      <button class="link" data-action="open" @click=${() => options.onOpen(event.id)}>#${event.id} ${event.event}</button>
      ${renderState(event.state)}
      <span class="muted">received ${formatTime(event.receivedAt, locale)} · ${event.attempts} attempt${event.attempts === 1 ? '' : 's'}</span>
    </p>
    ${event.lastError ? html`<pre class="last-error" data-last-error>${event.lastError}</pre>` : nothing}
    ${
      event.state !== 'dead'
        ? nothing
        : confirming === event.id
          ? renderConfirmDiscard({
              id: event.id,
              onConfirm: () => options.onConfirmDiscard(event.id),
              onCancel: () => options.onCancelDiscard(event.id),
            })
          : html`<p class="actions">
              <button class="primary" data-action="replay" ?disabled=${working} @click=${() => options.onReplay(event.id)}>
                Replay<span class="visually-hidden"> event ${event.id}</span>
              </button>
              <button class="danger" data-action="discard" ?disabled=${working} @click=${() => options.onDiscard(event.id)}>
                Discard<span class="visually-hidden"> event ${event.id}</span>
              </button>
            </p>`
    }
  </li>`;
}
