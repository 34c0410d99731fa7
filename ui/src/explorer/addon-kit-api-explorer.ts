import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { type ApiError, toApiError } from '../core/addon-api.js';
import { AddonElement } from '../core/addon-element.js';
import { isWorkspaceAdmin } from '../core/claims.js';
import { themeStyles } from '../core/theme.js';
import type { AddonKitExplorerHistory, ReplayRequest } from './addon-kit-explorer-history.js';
import type { PresetDraft } from './addon-kit-explorer-presets.js';
import type { AddonKitSchemaForm, FormChange } from './addon-kit-schema-form.js';
import { toCurl } from './curl.js';
import { createExplorerApi, isDryRun } from './explorer-api.js';
import { explorerStyles } from './explorer-styles.js';
import { callToForm, type FormValue, formToCall } from './form-value.js';
import { isAtOrUnder } from './json-pointer.js';
import { jsonStyles } from './json-view.js';
import { operationListStyles, renderOperationList } from './operation-list.js';
import { type Outcome, renderOutcome } from './result-view.js';
import type {
  CallDetail,
  CallParams,
  DryRun,
  EndpointListing,
  ExecuteRequest,
  FieldError,
  ListedOperation,
  Preset,
  SentCall,
} from './types.js';
import { validateForm } from './validate-form.js';

type RunMode = 'execute' | 'dry-run' | 'curl';

/**
 * The API explorer: the OpenAPI document's operations by tag, a form generated from the open one's parameters and
 * body schema (checked in the browser, then by the server, each error on its field), execute / dry run / copy as
 * curl, the answer as collapsible JSON, the workspace's history with replay, and shared presets. The open operation
 * is the element's `route`, which the sidebar keeps in the URL hash.
 */
export class AddonKitApiExplorer extends AddonElement {
  static override properties = {
    // Lit merges a superclass's declarations by itself; the spread keeps the static side's type compatible.
    ...AddonElement.properties,
    listing: { state: true },
    loadError: { state: true },
    filter: { state: true },
    form: { state: true },
    errors: { state: true },
    confirmWrite: { state: true },
    confirmMissing: { state: true },
    status: { state: true },
    outcome: { state: true },
  };

  static override styles = [themeStyles, explorerStyles, jsonStyles, operationListStyles];

  declare listing: EndpointListing | undefined;
  declare loadError: string;
  declare filter: string;
  declare form: FormValue;
  declare errors: FieldError[];
  declare confirmWrite: boolean;
  declare confirmMissing: boolean;
  declare status: string;
  declare outcome: Outcome | undefined;
  /** The operation the form's value belongs to: a new route resets the form unless a preset filled it for that route. */
  #formFor = '';
  #running = false;

  constructor() {
    super();
    this.loadError = '';
    this.filter = '';
    this.form = {};
    this.errors = [];
    this.confirmWrite = false;
    this.confirmMissing = false;
    this.status = '';
  }

  get #api() {
    return createExplorerApi(this.client);
  }

  get #operation(): ListedOperation | undefined {
    return this.#find(this.route);
  }

  #find(operationId: string): ListedOperation | undefined {
    return this.listing?.groups.flatMap((group) => group.operations).find((operation) => operation.operationId === operationId);
  }

  override firstUpdated(): void {
    void this.#loadListing();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.route !== this.#formFor) {
      this.#formFor = this.route;
      this.form = {};
      this.#resetRun();
    }
  }

  #resetRun(): void {
    this.errors = [];
    this.confirmWrite = false;
    this.confirmMissing = false;
  }

  async #loadListing(): Promise<void> {
    this.loadError = '';
    try {
      this.listing = await this.#api.endpoints();
    } catch (error) {
      this.loadError = (error as ApiError).message;
    }
  }

  #open(operationId: string): void {
    if (operationId !== this.route) this.navigate(operationId);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#operation-heading')?.focus());
  }

  /** Fills the form from a preset or a past call, and opens its operation. */
  #loadInto(operationId: string, params: Partial<CallParams>, body: unknown): boolean {
    const operation = this.#find(operationId);
    if (!operation || !this.listing) {
      this.status = `${operationId} is not an operation of this document any more.`;
      return false;
    }
    this.form = callToForm(operation, this.listing.components, params, body);
    this.#formFor = operationId;
    this.#resetRun();
    this.#open(operationId);
    return true;
  }

  async #run(mode: RunMode): Promise<void> {
    const operation = this.#operation;
    if (!operation || !this.listing || this.#running) return;
    const checked = validateForm(operation, this.listing.components, this.form);
    if (checked.errors.length > 0) {
      this.#showFieldErrors(checked.errors, 'Check the form');
      return;
    }
    const write = !operation.readOnly;
    this.confirmMissing = mode === 'execute' && write && !this.confirmWrite;
    if (this.confirmMissing) {
      this.status = 'Confirm the change before executing.';
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-write')?.focus());
      return;
    }
    this.errors = [];
    const request: ExecuteRequest = {
      operationId: operation.operationId,
      params: checked.params,
      ...(checked.body === undefined ? {} : { body: checked.body }),
      ...(mode === 'execute' ? { confirm: write } : { dryRun: true }),
    };
    await this.#send(operation.operationId, mode, () => this.#api.execute(request));
  }

  async #send(operationId: string, mode: RunMode, call: () => Promise<SentCall | DryRun>): Promise<void> {
    this.#running = true;
    this.status = mode === 'execute' ? `Running ${operationId}…` : `Preparing a dry run of ${operationId}…`;
    try {
      const answer = await call();
      if (isDryRun(answer)) {
        const curl = toCurl(answer.request);
        this.outcome = { kind: 'dry', dryRun: answer, curl };
        this.status = mode === 'curl' ? await copyText(curl) : `Dry run of ${operationId} done: nothing was sent.`;
      } else {
        this.outcome = { kind: 'sent', call: answer };
        this.status = `Done: ${operationId} answered ${answer.status} in ${answer.durationMs} ms.`;
        void this.renderRoot.querySelector<AddonKitExplorerHistory>('addon-kit-explorer-history')?.refresh();
      }
    } catch (error) {
      this.#showFailure(operationId, error);
    } finally {
      this.#running = false;
    }
  }

  #showFailure(operationId: string, thrown: unknown): void {
    const error = toApiError(thrown, 'UI_ERROR');
    const fieldErrors = error.details?.errors as FieldError[] | undefined;
    if (error.status === 400 && Array.isArray(fieldErrors) && fieldErrors.length > 0) {
      this.outcome = undefined;
      this.#showFieldErrors(fieldErrors, 'The server found problems');
      return;
    }
    this.outcome = { kind: 'error', title: `${operationId} failed`, error };
    this.status = `Failed: ${error.message}`;
  }

  #showFieldErrors(errors: FieldError[], lead: string): void {
    this.errors = errors;
    this.status = `${lead}: ${errors.length === 1 ? '1 problem' : `${errors.length} problems`}.`;
    this.updateComplete
      .then(() => this.renderRoot.querySelector<AddonKitSchemaForm>('addon-kit-schema-form')?.updateComplete)
      .then(() => this.renderRoot.querySelector<AddonKitSchemaForm>('addon-kit-schema-form')?.focusFirstError());
  }

  #onFormChange(event: CustomEvent<FormChange>): void {
    this.form = event.detail.value;
    this.errors = this.errors.filter((error) => !isAtOrUnder(error.pointer, event.detail.pointer));
  }

  #replay({ detail }: CustomEvent<ReplayRequest>): void {
    const { call, confirm } = detail;
    void this.#send(call.operationId, 'execute', () => this.#api.replay(call.id, { confirm }));
  }

  async #showCall({ detail }: CustomEvent<{ id: number }>): Promise<void> {
    try {
      this.outcome = { kind: 'past', call: await this.#api.call(detail.id) };
      this.status = `Showing call #${detail.id}.`;
    } catch (error) {
      this.#showFailure(`Call #${detail.id}`, error);
    }
  }

  #loadPreset(preset: Preset, run: boolean): void {
    if (!this.#loadInto(preset.operationId, preset.params, preset.body)) return;
    this.outcome = undefined;
    this.status = `Loaded preset ${preset.name}.`;
    if (run) void this.#run('execute');
  }

  readonly #draft = (): PresetDraft => {
    const operation = this.#operation;
    if (!operation) return 'Open an operation first: a preset saves its form.';
    const built = formToCall(operation, this.form);
    if (built.errors.length > 0) return 'Fix the JSON in the form first.';
    return { operationId: operation.operationId, params: built.params, ...(built.body === undefined ? {} : { body: built.body }) };
  };

  override render() {
    if (this.loadError) {
      return html`<div role="alert">
        <p class="error">The operations could not be loaded: ${this.loadError}</p>
        <button type="button" @click=${() => this.#loadListing()}>Retry</button>
      </div>`;
    }
    if (!this.listing) return html`<p role="status">Loading operations…</p>`;
    const { groups } = this.listing;
    // The list is drawn again only when what it shows changes: it is long, and every keystroke in the form renders here.
    return html`<div class="layout">
      ${guard([groups, this.filter, this.route], () =>
        renderOperationList({
          groups,
          filter: this.filter,
          selected: this.route,
          onFilter: (text) => (this.filter = text),
          onSelect: (operationId) => this.#open(operationId),
        }),
      )}
      <div>
        ${this.#renderOperation()}
        <p class="status" role="status" aria-live="polite">${this.status}</p>
        ${
          this.outcome
            ? renderOutcome(this.outcome, {
                locale: this.locale,
                onLoadCall: (call: CallDetail) => this.#loadInto(call.operationId, call.params, call.requestBody ?? undefined),
              })
            : nothing
        }
        <addon-kit-explorer-presets
          theme=${this.theme}
          .api=${this.client}
          .draft=${this.#draft}
          @load-preset=${(event: CustomEvent<{ preset: Preset }>) => this.#loadPreset(event.detail.preset, false)}
          @run-preset=${(event: CustomEvent<{ preset: Preset }>) => this.#loadPreset(event.detail.preset, true)}
        ></addon-kit-explorer-presets>
        <addon-kit-explorer-history
          theme=${this.theme}
          .api=${this.client}
          @show-call=${this.#showCall}
          @replay-call=${this.#replay}
        ></addon-kit-explorer-history>
      </div>
    </div>`;
  }

  #renderOperation() {
    const operation = this.#operation;
    if (!operation) {
      return html`<h2 id="operation-heading" tabindex="-1">API explorer</h2>
        <p class="muted">
          ${this.route ? `There is no operation ${this.route} in ${this.listing?.document.title ?? 'the document'}.` : 'Pick an operation to try it on your workspace.'}
        </p>`;
    }
    const write = !operation.readOnly;
    return html`<section aria-labelledby="operation-heading">
      <h2 id="operation-heading" tabindex="-1">${operation.operationId}</h2>
      <p><span class="method">${operation.method}</span> <code class="url">${operation.path}</code></p>
      ${operation.summary ? html`<p>${operation.summary}</p>` : nothing}
      ${operation.deprecated ? html`<p class="warning">Deprecated.</p>` : nothing}
      ${operation.allowed ? nothing : html`<p class="warning">Not allowed: ${operation.reason ?? 'the add-on lacks a scope'}</p>`}
      ${
        write && this.claims && !isWorkspaceAdmin(this.claims)
          ? html`<p class="warning" data-admin-only>Only a workspace owner or admin can run this call: try a dry run instead.</p>`
          : nothing
      }
      <addon-kit-schema-form
        theme=${this.theme}
        .operation=${operation}
        .components=${this.listing!.components}
        .value=${this.form}
        .errors=${this.errors}
        @form-change=${this.#onFormChange}
      ></addon-kit-schema-form>
      ${write ? this.#renderConfirm() : nothing}
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.#run('execute')}>Execute</button>
        <button type="button" @click=${() => this.#run('dry-run')}>Dry run</button>
        <button type="button" @click=${() => this.#run('curl')}>Copy as curl</button>
      </div>
    </section>`;
  }

  #renderConfirm() {
    return html`<div class="confirm-write">
      <input
        id="confirm-write"
        type="checkbox"
        aria-invalid=${this.confirmMissing ? 'true' : 'false'}
        aria-describedby="confirm-write-msg"
        .checked=${this.confirmWrite}
        @change=${(event: Event) => {
          this.confirmWrite = (event.target as HTMLInputElement).checked;
          this.confirmMissing = false;
        }}
      />
      <label for="confirm-write">Confirm: this call changes data in the workspace</label>
      <p id="confirm-write-msg" class="message error">${this.confirmMissing ? 'Tick this box to run a call that changes data.' : ''}</p>
    </div>`;
  }
}

/** Copies to the clipboard when the page may; inside an iframe without clipboard permission the command stays on screen. */
async function copyText(text: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return 'curl command copied to the clipboard.';
  } catch {
    return 'curl command ready below: copying was not allowed here, select it and copy.';
  }
}
