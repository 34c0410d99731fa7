import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { themeStyles } from '../core/theme.js';
import { explorerStyles } from './explorer-styles.js';
import { describeForm, type Field } from './form-fields.js';
import { bodyHasForm, bodyToForm, type FormValue, formToCall, JsonText } from './form-value.js';
import { getAt, removeAt, setAt } from './json-pointer.js';
import { placeErrors } from './place-errors.js';
import { type FieldContext, renderField, renderMessage } from './schema-field.js';
import type { Components, FieldError, ListedOperation } from './types.js';

export interface FormChange {
  value: FormValue;
  /** Where the change was: errors at or under it are stale. */
  pointer: string;
}

/**
 * The input form of one operation, generated from its parameters and JSON body schema, showing the field errors it
 * is given (the browser's or the server's) on the fields they name; errors no field shows are listed above it.
 * The value is owned by the host: every edit is announced, and the host sets `value` back.
 *
 * @fires form-change - `{ value, pointer }` after every edit
 */
export class AddonKitSchemaForm extends LitElement {
  static override properties = {
    operation: { attribute: false },
    components: { attribute: false },
    value: { attribute: false },
    errors: { attribute: false },
    theme: { reflect: true },
    modeNote: { state: true },
  };

  static override styles = [themeStyles, explorerStyles];

  declare operation: ListedOperation | undefined;
  declare components: Components;
  declare value: FormValue;
  declare errors: readonly FieldError[];
  declare theme: string;
  declare modeNote: string;

  constructor() {
    super();
    this.components = {};
    this.value = {};
    this.errors = [];
    this.theme = 'light';
    this.modeNote = '';
  }

  /** Moves focus to the first field with an error; false when none has one. */
  focusFirstError(): boolean {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    return invalid !== null;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('operation')) this.modeNote = '';
  }

  #emit(value: FormValue, pointer: string): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent<FormChange>('form-change', { detail: { value, pointer } }));
  }

  readonly #context: Omit<FieldContext, 'messages'> = {
    set: (pointer, value) => this.#emit(setAt(this.value, pointer, value), pointer),
    add: (pointer, item) => {
      const items = getAt(this.value, pointer);
      this.#emit(setAt(this.value, pointer, [...(Array.isArray(items) ? items : []), item]), pointer);
    },
    // The change is to the whole array: its items moved up, so errors anywhere in it are stale.
    remove: (pointer) => this.#emit(removeAt(this.value, pointer), pointer.slice(0, pointer.lastIndexOf('/'))),
  };

  override render() {
    const { operation } = this;
    if (!operation) return nothing;
    const model = describeForm(operation, this.components, this.value);
    const { byField, unplaced } = placeErrors(this.errors, model.pointers);
    const context: FieldContext = { ...this.#context, messages: byField };
    return html`
      ${
        unplaced.length > 0
          ? html`<ul class="error unplaced" role="alert">
            ${unplaced.map((error) => html`<li><code>${error.pointer || '/'}</code> ${error.message}</li>`)}
          </ul>`
          : nothing
      }
      ${model.sections.length === 0 ? html`<p class="muted">This operation takes no parameters and no body.</p>` : nothing}
      ${model.sections.map(
        (section) => html`<fieldset class="section">
          <legend>${section.legend}</legend>
          ${section.fields.map((field) => (field.pointer === '/body' ? this.#renderBody(field, context) : renderField(field, context)))}
        </fieldset>`,
      )}
    `;
  }

  #renderBody(field: Field, context: FieldContext): TemplateResult {
    const raw = this.value.body instanceof JsonText;
    const toggle = bodyHasForm(this.operation!, this.components)
      ? html`<p class="body-mode">
          <button type="button" @click=${() => this.#switchBodyMode(!raw)}>${raw ? 'Edit body as form' : 'Edit body as JSON'}</button>
          <span class="error" role="status">${this.modeNote}</span>
        </p>`
      : nothing;
    // The body object's own fields sit directly in the Body section; its message says when the body is missing.
    const content =
      field.kind === 'object'
        ? html`${renderMessage(field, context)} ${field.children.map((child) => renderField(child, context))}`
        : renderField(field, context);
    return html`${toggle}${content}`;
  }

  #switchBodyMode(toJson: boolean): void {
    const operation = this.operation!;
    const body = this.value.body;
    this.modeNote = '';
    if (toJson) {
      const built = formToCall(operation, { body });
      if (built.errors.length > 0) {
        this.modeNote = 'Fix the JSON boxes first.';
        return;
      }
      this.#emit({ ...this.value, body: new JsonText(JSON.stringify(built.body ?? {}, null, 2)) }, '/body');
      return;
    }
    const text = body instanceof JsonText ? body.text : '';
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? undefined : JSON.parse(text);
    } catch (error) {
      this.modeNote = `The JSON does not parse: ${(error as Error).message}`;
      return;
    }
    const formBody = parsed === undefined ? undefined : bodyToForm(operation.requestBody?.schema, parsed, this.components);
    if (formBody instanceof JsonText) {
      this.modeNote = 'This body has values the form has no fields for: keep editing it as JSON.';
      return;
    }
    this.#emit({ ...this.value, body: formBody }, '/body');
  }
}
