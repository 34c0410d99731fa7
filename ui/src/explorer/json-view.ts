import { css, html, nothing, type TemplateResult } from 'lit';

/** More children than this are summarised: a 5000-item page would make the viewer slow to open. */
const MAX_CHILDREN = 200;
/** Levels opened at first; deeper ones start collapsed. */
const OPEN_DEPTH = 2;

/**
 * A JSON value as nested `<details>`: each object and array collapsible (keyboard: Tab to its summary, Enter or
 * Space to toggle), scalars coloured by type. `label` names the tree for assistive technology.
 */
export function renderJson(value: unknown, label: string): TemplateResult {
  return html`<div class="json" role="group" aria-label=${label}>${renderNode(undefined, value, 0)}</div>`;
}

function renderNode(key: string | undefined, value: unknown, depth: number): TemplateResult {
  const name = key === undefined ? nothing : html`<span class="json-key">${key}</span>: `;
  if (typeof value !== 'object' || value === null) return html`<span>${name}${renderScalar(value)}</span>`;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return html`<span>${name}${open}${close}</span>`;
  const count = Array.isArray(value)
    ? `${entries.length} ${entries.length === 1 ? 'item' : 'items'}`
    : `${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`;
  return html`<details ?open=${depth < OPEN_DEPTH}>
    <summary>${name}${open} <span class="muted">${count}</span> ${close}</summary>
    <ul>
      ${entries.slice(0, MAX_CHILDREN).map(([childKey, child]) => html`<li>${renderNode(childKey, child, depth + 1)}</li>`)}
      ${entries.length > MAX_CHILDREN ? html`<li class="muted">… ${entries.length - MAX_CHILDREN} more not shown</li>` : nothing}
    </ul>
  </details>`;
}

function renderScalar(value: unknown): TemplateResult {
  if (typeof value === 'string') return html`<span class="json-string">${JSON.stringify(value)}</span>`;
  if (typeof value === 'number') return html`<span class="json-number">${value}</span>`;
  if (typeof value === 'boolean') return html`<span class="json-boolean">${String(value)}</span>`;
  return html`<span class="json-null">null</span>`;
}

export const jsonStyles = css`
  .json {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 12px;
    background: var(--addon-code-bg);
    border-radius: 4px;
    padding: 6px 8px;
    overflow: auto;
    max-height: 28em;
  }
  .json ul {
    list-style: none;
    margin: 0;
    padding-left: 1.4em;
  }
  .json summary {
    cursor: pointer;
  }
  .json-key {
    color: var(--addon-fg);
    font-weight: 600;
  }
  .json-string {
    color: var(--addon-success);
    white-space: pre-wrap;
    word-break: break-word;
  }
  .json-number {
    color: var(--addon-accent);
  }
  .json-boolean,
  .json-null {
    color: var(--addon-warning);
  }
`;
