import { html, nothing } from 'lit';
import type { ApiError } from '../core/addon-api.js';
import { AddonElement } from '../core/addon-element.js';
import { formatMoment } from '../core/format.js';
import { themeStyles } from '../core/theme.js';
import { createExplorerApi } from './explorer-api.js';
import { explorerStyles } from './explorer-styles.js';
import type { CallSummary } from './types.js';

const PAGE_SIZE = 20;
/** The time of day, as `toLocaleTimeString` writes it. */
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: 'numeric', second: 'numeric' };

export interface ReplayRequest {
  call: CallSummary;
  /** True for a write the user confirmed. */
  confirm: boolean;
}

function isWrite(call: CallSummary): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(call.method.toUpperCase());
}

/**
 * The explorer's history of this workspace, newest first, a page at a time. Replaying a write asks for a confirmation
 * first; the host runs the replay and shows its answer.
 *
 * @fires show-call - `{ id }` to show a past call in full
 * @fires replay-call - `ReplayRequest`
 */
export class AddonKitExplorerHistory extends AddonElement {
  static override properties = {
    // Lit merges a superclass's declarations by itself; the spread keeps the static side's type compatible.
    ...AddonElement.properties,
    calls: { state: true },
    nextCursor: { state: true },
    loadError: { state: true },
    confirming: { state: true },
  };

  static override styles = [themeStyles, explorerStyles];

  declare calls: CallSummary[] | undefined;
  declare nextCursor: string | undefined;
  declare loadError: string;
  /** The write call whose replay waits for confirmation. */
  declare confirming: number | undefined;

  constructor() {
    super();
    this.loadError = '';
  }

  override firstUpdated(): void {
    void this.refresh();
  }

  /** Reloads the first page (after a call was made). */
  async refresh(): Promise<void> {
    await this.#load(undefined);
  }

  async #load(cursor: string | undefined): Promise<void> {
    try {
      const page = await createExplorerApi(this.client).history({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      this.calls = cursor ? [...(this.calls ?? []), ...page.calls] : page.calls;
      this.nextCursor = page.nextCursor;
      this.loadError = '';
    } catch (error) {
      this.loadError = (error as ApiError).message;
    }
  }

  #replay(call: CallSummary, confirm: boolean): void {
    if (isWrite(call) && !confirm) {
      this.confirming = call.id;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus());
      return;
    }
    this.confirming = undefined;
    this.dispatchEvent(new CustomEvent<ReplayRequest>('replay-call', { detail: { call, confirm } }));
  }

  override render() {
    return html`<section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <button type="button" @click=${() => this.refresh()}>Refresh history</button>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${this.calls?.length === 0 ? html`<p class="muted">No calls yet. Calls you execute appear here.</p>` : nothing}
      <ol aria-label="Past calls">
        ${(this.calls ?? []).map((call) => this.#renderCall(call))}
      </ol>
      ${this.nextCursor ? html`<button type="button" @click=${() => this.#load(this.nextCursor)}>Show older calls</button>` : nothing}
    </section>`;
  }

  #renderCall(call: CallSummary) {
    const name = `call ${call.id} (${call.operationId})`;
    return html`<li class="row">
      <span class="method">${call.method}</span>
      <span class="grow"><strong>${call.operationId}</strong> <span class="muted">#${call.id}</span></span>
      <span class=${call.status !== null && call.status < 400 ? 'success' : 'error'}>${call.status ?? call.error ?? 'no answer'}</span>
      <span class="muted">${call.durationMs} ms</span>
      <time class="muted" datetime=${call.createdAt}>${formatMoment(call.createdAt, this.locale, TIME)}</time>
      <button type="button" aria-label="Show ${name}" @click=${() => this.dispatchEvent(new CustomEvent('show-call', { detail: { id: call.id } }))}>
        Show
      </button>
      <button type="button" aria-label="Replay ${name}" ?disabled=${!call.replayable} @click=${() => this.#replay(call, false)}>Replay</button>
      ${call.replayable ? nothing : html`<span class="muted">not replayable: it held secrets or was too large</span>`}
      ${
        this.confirming === call.id
          ? html`<div class="confirm" role="group" aria-label="Confirm replay of ${name}">
            <span class="warning">This call changes data in the workspace.</span>
            <button type="button" class="primary" @click=${() => this.#replay(call, true)}>Confirm replay</button>
            <button type="button" @click=${() => (this.confirming = undefined)}>Cancel</button>
          </div>`
          : nothing
      }
    </li>`;
  }
}
