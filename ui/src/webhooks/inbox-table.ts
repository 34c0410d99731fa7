import { html, nothing } from 'lit';
import { formatTime } from './format.js';
import { renderState } from './state-badge.js';
import { EVENT_STATES, type InboxEvent, type InboxFilter } from './types.js';

export interface InboxTableOptions {
  events: readonly InboxEvent[];
  filter: InboxFilter;
  /** The event names the filter offers. */
  eventNames: readonly string[];
  hasNewer: boolean;
  hasOlder: boolean;
  loading: boolean;
  locale: string;
  onFilter: (filter: InboxFilter) => void;
  onPage: (direction: 'newer' | 'older') => void;
  onOpen: (id: number) => void;
}

/** The inbox, newest first: filters by event and state (the workspace is always the viewer's), a table, paging. */
export function renderInboxTable(options: InboxTableOptions) {
  const { events, loading, locale, onOpen } = options;
  return html`${renderFilters(options)}
    ${
      events.length === 0
        ? html`<p class="muted" data-empty>${loading ? 'Loading…' : 'No events match.'}</p>`
        : html`<table data-inbox aria-busy=${loading ? 'true' : 'false'}>
          <caption class="visually-hidden">Webhook events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Received</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            ${events.map(
              (event) => html`<tr data-id=${event.id}>
                <td><button class="link" data-action="open" @click=${() => onOpen(event.id)}>#${event.id} ${event.event}</button></td>
                <td>${renderState(event.state)}</td>
                <td>${event.attempts}</td>
                <td>${formatTime(event.receivedAt, locale)}</td>
                <td class="clip" title=${event.lastError ?? ''}>${event.lastError ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
    }
    ${renderPaging(options)}`;
}

function renderFilters({ filter, eventNames, onFilter }: InboxTableOptions) {
  const names = [...new Set([...eventNames, ...(filter.event ? [filter.event] : [])])].sort();
  const change = (key: keyof InboxFilter) => (event: Event) => onFilter({ ...filter, [key]: (event.target as HTMLSelectElement).value });
  return html`<div class="filters" role="search" aria-label="Filter events">
    <label>
      Event
      <select name="event" @change=${change('event')}>
        <option value="" ?selected=${filter.event === ''}>All events</option>
        ${names.map((name) => html`<option value=${name} ?selected=${filter.event === name}>${name}</option>`)}
      </select>
    </label>
    <label>
      State
      <select name="state" @change=${change('state')}>
        <option value="" ?selected=${filter.state === ''}>All states</option>
        ${EVENT_STATES.map((state) => html`<option value=${state} ?selected=${filter.state === state}>${state}</option>`)}
      </select>
    </label>
  </div>`;
}

function renderPaging({ hasNewer, hasOlder, loading, onPage }: InboxTableOptions) {
  if (!hasNewer && !hasOlder) return nothing;
  return html`<nav class="paging" aria-label="Pages">
    <button data-action="newer" ?disabled=${!hasNewer || loading} @click=${() => onPage('newer')}>← Newer</button>
    <button data-action="older" ?disabled=${!hasOlder || loading} @click=${() => onPage('older')}>Older →</button>
  </nav>`;
}
