import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../core/addon-api.js';
import { formatMoment } from '../core/format.js';
import { renderJson } from './json-view.js';
import type { CallDetail, DryRun, SentCall } from './types.js';

/** What the viewer shows: an answer, a dry run with its curl command, a call from the history, or a failure. */
export type Outcome =
  | { kind: 'sent'; call: SentCall }
  | { kind: 'dry'; dryRun: DryRun; curl: string }
  | { kind: 'past'; call: CallDetail }
  | { kind: 'error'; title: string; error: ApiError };

export interface OutcomeActions {
  locale: string;
  /** Puts a past call's parameters and body into the form. */
  onLoadCall(call: CallDetail): void;
}

/** Date and time, as `toLocaleString` writes them. */
const WHEN: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function statusClass(status: number | null): string {
  if (status === null || status >= 400) return 'error';
  return status >= 300 ? 'warning' : 'success';
}

/** The result area, headed "Response", "Dry run", "Call #n" or the failure. */
export function renderOutcome(outcome: Outcome, actions: OutcomeActions): TemplateResult {
  switch (outcome.kind) {
    case 'sent':
      return renderSent(outcome.call);
    case 'dry':
      return renderDryRun(outcome.dryRun, outcome.curl);
    case 'past':
      return renderPast(outcome.call, actions);
    default:
      return html`<section class="result" aria-labelledby="result-heading">
        <h3 id="result-heading">${outcome.title}</h3>
        <p class="error">${outcome.error.message}</p>
        <p class="muted">${outcome.error.code}${outcome.error.requestId ? ` · request ${outcome.error.requestId}` : ''}</p>
      </section>`;
  }
}

function renderSent(call: SentCall): TemplateResult {
  return html`<section class="result" aria-labelledby="result-heading">
    <h3 id="result-heading">Response</h3>
    <dl class="facts">
      <dt>Status</dt>
      <dd class=${statusClass(call.status)}>${call.status}</dd>
      <dt>Duration</dt>
      <dd>${call.durationMs} ms</dd>
      <dt>Size</dt>
      <dd>${formatBytes(call.sizeBytes)}</dd>
      ${call.attempts > 1 ? html`<dt>Attempts</dt><dd>${call.attempts}</dd>` : nothing}
    </dl>
    ${call.truncated ? html`<p class="warning">The answer was too large and is cut: what follows is its beginning, as text.</p>` : nothing}
    <details>
      <summary>Response headers</summary>
      ${renderJson(call.headers, 'Response headers')}
    </details>
    ${renderBlock(call.body, 'Response body')}
  </section>`;
}

function renderDryRun(dryRun: DryRun, curl: string): TemplateResult {
  const { request } = dryRun;
  return html`<section class="result" aria-labelledby="result-heading">
    <h3 id="result-heading">Dry run: nothing was sent</h3>
    <p><span class="method">${request.method}</span> <code class="url">${request.url}</code></p>
    ${renderBlock(request.headers, 'Request headers')} ${request.body === undefined ? nothing : renderBlock(request.body, 'Request body')}
    <p class="muted">${dryRun.note}</p>
    <label class="block" for="curl-command">curl command</label>
    <textarea id="curl-command" readonly rows="7" wrap="off" spellcheck="false" .value=${curl}></textarea>
  </section>`;
}

function renderPast(call: CallDetail, { locale, onLoadCall }: OutcomeActions): TemplateResult {
  return html`<section class="result" aria-labelledby="result-heading">
    <h3 id="result-heading">Call #${call.id}: ${call.operationId}</h3>
    <dl class="facts">
      <dt>Status</dt>
      <dd class=${statusClass(call.status)}>${call.status ?? 'no answer'}</dd>
      <dt>Duration</dt>
      <dd>${call.durationMs} ms</dd>
      <dt>Size</dt>
      <dd>${formatBytes(call.responseBytes)}</dd>
      <dt>When</dt>
      <dd>${formatMoment(call.createdAt, locale, WHEN)}</dd>
    </dl>
    <p><span class="method">${call.method}</span> <code class="url">${call.path}</code></p>
    ${call.error ? html`<p class="error">${call.error}</p>` : nothing}
    <p><button type="button" @click=${() => onLoadCall(call)}>Load call into form</button></p>
    ${renderBlock(call.params, 'Parameters')} ${call.requestBody === null ? nothing : renderBlock(call.requestBody, 'Request body')}
    ${call.responseTruncated ? html`<p class="warning">The stored answer is cut to the history's size limit.</p>` : nothing}
    ${renderBlock(call.responseBody, 'Response body')}
  </section>`;
}

/** A headed JSON block; text (an answer cut to size, or not JSON) as it came. */
function renderBlock(body: unknown, label: string): TemplateResult {
  if (body === null || body === undefined) return html`<h4>${label}</h4><p class="muted">None.</p>`;
  return html`<h4>${label}</h4>
    ${typeof body === 'string' ? html`<pre aria-label=${label}>${body}</pre>` : renderJson(body, label)}`;
}
