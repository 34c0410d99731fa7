import { html, nothing, type TemplateResult } from 'lit';
import type { Field } from './form-fields.js';
import { JsonText, textToValue } from './form-value.js';
import { schemaType } from './resolve-schema.js';
import type { JsonSchema } from './types.js';

/** What a field needs from the form: its messages and the three ways to change the value. */
export interface FieldContext {
  messages: ReadonlyMap<string, readonly string[]>;
  set(pointer: string, value: unknown): void;
  /** Appends an item to the array at `pointer`. */
  add(pointer: string, item: unknown): void;
  /** Removes the array item at `pointer`. */
  remove(pointer: string): void;
}

/** An element id for a pointer: unique (every other character escaped), and without spaces, as id references need. */
function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9-]/g, (character) => `_${character.charCodeAt(0).toString(16)}_`)}`;
}

/**
 * One field of the form: a text or number box, a select for enums and booleans, a fieldset for objects and arrays
 * (items added and removed), or a raw JSON box. Every control has a label, `aria-invalid` and `aria-describedby`
 * naming its message and hint.
 */
export function renderField(field: Field, context: FieldContext): TemplateResult {
  switch (field.kind) {
    case 'object':
      return html`<fieldset aria-describedby=${describedBy(field)}>
        <legend>${labelText(field)}</legend>
        ${renderHint(field)} ${renderMessage(field, context)} ${field.children.map((child) => renderField(child, context))}
      </fieldset>`;
    case 'array':
      return renderArray(field, context);
    default:
      return html`<div class="field">
        <label for=${fieldId(field.pointer)}>${labelText(field)}</label>
        ${renderControl(field, context)} ${renderHint(field)} ${renderMessage(field, context)}
      </div>`;
  }
}

function renderArray(field: Field, context: FieldContext): TemplateResult {
  const blank = field.itemKind === 'object' ? {} : field.itemKind === 'array' ? [] : undefined;
  return html`<fieldset aria-describedby=${describedBy(field)}>
    <legend>${labelText(field)}</legend>
    ${renderHint(field)} ${renderMessage(field, context)}
    ${field.children.map(
      (child) => html`<div class="item">
        ${renderField(child, context)}
        <button type="button" aria-label="Remove ${child.label}" @click=${() => context.remove(child.pointer)}>Remove</button>
      </div>`,
    )}
    <button type="button" aria-label="Add ${field.label} item" @click=${() => context.add(field.pointer, blank)}>
      Add item
    </button>
  </fieldset>`;
}

/** The control of a leaf field, bound to its value. */
function renderControl(field: Field, context: FieldContext): TemplateResult {
  const id = fieldId(field.pointer);
  const invalid = context.messages.has(field.pointer) ? 'true' : 'false';
  const required = field.required ? 'true' : 'false';
  const value = field.value;
  switch (field.kind) {
    case 'enum':
    case 'boolean': {
      const options = field.kind === 'enum' ? (field.schema.enum ?? []) : [true, false];
      const change = (event: Event) => {
        const index = (event.target as HTMLSelectElement).value;
        context.set(field.pointer, index === '' ? undefined : options[Number(index)]);
      };
      return html`<select id=${id} aria-invalid=${invalid} aria-required=${required} aria-describedby=${describedBy(field)} @change=${change}>
        <option value="" ?selected=${value === undefined}>${field.required ? '— choose —' : '— not set —'}</option>
        ${options.map((option, index) => html`<option value=${index} ?selected=${option === value}>${String(option)}</option>`)}
      </select>`;
    }
    case 'json': {
      const text = value instanceof JsonText ? value.text : value === undefined ? '' : JSON.stringify(value, null, 2);
      return html`<textarea
        id=${id}
        rows="6"
        spellcheck="false"
        aria-invalid=${invalid}
        aria-required=${required}
        aria-describedby=${describedBy(field)}
        .value=${text}
        @input=${(event: Event) => context.set(field.pointer, new JsonText((event.target as HTMLTextAreaElement).value))}
      ></textarea>`;
    }
    default: {
      const numeric = field.kind === 'number';
      // A text box even for numbers: a browser number box hides what was typed when it is not a number, and the
      // user should see the validator's message about their actual input.
      return html`<input
        id=${id}
        type="text"
        inputmode=${numeric ? (schemaType(field.schema) === 'integer' ? 'numeric' : 'decimal') : 'text'}
        autocomplete="off"
        ?readonly=${field.readOnly === true}
        placeholder=${placeholder(field.schema)}
        aria-invalid=${invalid}
        aria-required=${required}
        aria-describedby=${describedBy(field)}
        .value=${value === undefined ? '' : String(value)}
        @input=${(event: Event) => context.set(field.pointer, textToValue(field.schema, (event.target as HTMLInputElement).value))}
      />`;
    }
  }
}

function labelText(field: Field): TemplateResult {
  return html`${field.label}${field.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}`;
}

function describedBy(field: Field): string {
  const id = fieldId(field.pointer);
  return hintText(field) ? `${id}-msg ${id}-hint` : `${id}-msg`;
}

export function renderMessage(field: Field, context: FieldContext): TemplateResult {
  const messages = context.messages.get(field.pointer) ?? [];
  return html`<p class="message error" id="${fieldId(field.pointer)}-msg">${messages.join('; ')}</p>`;
}

function renderHint(field: Field): TemplateResult | typeof nothing {
  const text = hintText(field);
  return text ? html`<p class="hint muted" id="${fieldId(field.pointer)}-hint">${text}</p>` : nothing;
}

/** The schema's constraints in a few words, so the rules are visible before they are broken. */
function hintText(field: Field): string {
  const { schema } = field;
  const parts: string[] = [];
  if (field.readOnly) parts.push('filled in by the add-on');
  else if (field.description) parts.push(field.description);
  const type = schemaType(schema);
  if (field.kind === 'json') parts.push(schema.oneOf || schema.anyOf ? 'JSON, one of several shapes' : 'JSON');
  else if (!field.readOnly && type && field.kind !== 'enum' && field.kind !== 'object')
    parts.push(schema.format ? `${type} (${schema.format})` : type);
  const exclusive = (flag: unknown) => flag === true;
  if (schema.minimum !== undefined) parts.push(`${exclusive(schema.exclusiveMinimum) ? '>' : '≥'} ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`${exclusive(schema.exclusiveMaximum) ? '<' : '≤'} ${schema.maximum}`);
  if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.pattern !== undefined) parts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(' · ');
}

function placeholder(schema: JsonSchema): string {
  if (schema.format === 'date-time') return '2024-01-31T09:00:00Z';
  if (schema.format === 'date') return '2024-01-31';
  if (schema.example !== undefined && typeof schema.example !== 'object') return String(schema.example);
  return '';
}
