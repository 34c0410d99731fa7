import { css, html, nothing, type TemplateResult } from 'lit';
import type { EndpointListing, ListedOperation } from './types.js';

type Groups = EndpointListing['groups'];

/** The groups whose operations match every word of `query` in their id, summary, path or method; empty groups go. */
function filterGroups(groups: Groups, query: string): Groups {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  const matches = (operation: ListedOperation) => {
    const text = `${operation.method} ${operation.path} ${operation.operationId} ${operation.summary ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return groups
    .map((group) => ({ tag: group.tag, operations: group.operations.filter(matches) }))
    .filter((group) => group.operations.length > 0);
}

export interface OperationListOptions {
  groups: Groups;
  filter: string;
  selected: string;
  onFilter(text: string): void;
  onSelect(operationId: string): void;
}

/**
 * The operations by tag, with a search box. One operation button is in the Tab order (the open one, else the first);
 * the arrow keys, Home and End move between them, so the list is one Tab stop however long it is.
 */
export function renderOperationList({ groups, filter, selected, onFilter, onSelect }: OperationListOptions): TemplateResult {
  const shown = filterGroups(groups, filter);
  const all = shown.flatMap((group) => group.operations);
  const tabStop = all.some((operation) => operation.operationId === selected) ? selected : all[0]?.operationId;
  const count = new Set(all.map((operation) => operation.operationId)).size;
  return html`<nav aria-label="Operations" class="operations" @keydown=${moveFocus}>
    <label for="operation-search">Search operations</label>
    <input
      id="operation-search"
      type="search"
      autocomplete="off"
      aria-describedby="operation-count"
      .value=${filter} @input=${(event: Event) => onFilter((event.target as HTMLInputElement).value)} />
    <p id="operation-count" class="muted count">${count === 1 ? '1 operation' : `${count} operations`}</p>
    ${shown.map(
      (group) => html`<h3 class="tag">${group.tag}</h3>
        <ul>
          ${group.operations.map((operation) => renderOperation(operation, operation.operationId === selected, operation.operationId === tabStop, onSelect))}
        </ul>`,
    )}
  </nav>`;
}

function renderOperation(operation: ListedOperation, current: boolean, tabStop: boolean, onSelect: (id: string) => void): TemplateResult {
  return html`<li>
    <button
      type="button"
      class="operation"
      tabindex=${tabStop ? 0 : -1}
      aria-current=${current ? 'true' : 'false'}
      @click=${() => onSelect(operation.operationId)}
    >
      <span class="method method-${operation.method.toLowerCase()}">${operation.method}</span>
      <span class="operation-id">${operation.operationId}</span>
      ${operation.summary ? html`<span class="summary muted">${operation.summary}</span>` : nothing}
      ${operation.deprecated ? html`<span class="badge">deprecated</span>` : nothing}
      ${operation.allowed ? nothing : html`<span class="reason">Not allowed: ${operation.reason ?? 'the add-on lacks a scope'}</span>`}
    </button>
  </li>`;
}

function moveFocus(event: KeyboardEvent): void {
  const nav = event.currentTarget as HTMLElement;
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>('button.operation')];
  const index = buttons.indexOf((nav.getRootNode() as ShadowRoot | Document).activeElement as HTMLButtonElement);
  if (index === -1) return;
  const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  const next = buttons[Math.max(0, Math.min(buttons.length - 1, target))]!;
  for (const button of buttons) button.tabIndex = button === next ? 0 : -1;
  next.focus();
}

/** The explorer's two columns (list and operation) on a wide frame, stacked on a narrow one; the list's own look. */
export const operationListStyles = css`
  .layout {
    display: grid;
    gap: 12px;
  }
  @media (min-width: 720px) {
    .layout {
      grid-template-columns: minmax(14em, 18em) minmax(0, 1fr);
      align-items: start;
    }
    .operations {
      position: sticky;
      top: 0;
      max-height: calc(100vh - 16px);
      overflow: auto;
    }
  }
  .operations {
    max-height: 24em;
    overflow: auto;
    padding-right: 4px;
  }
  .operations input {
    width: 100%;
  }
  .count {
    margin: 2px 0;
    font-size: 12px;
  }
  .tag {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--addon-muted);
  }
  button.operation {
    display: flex;
    flex-wrap: wrap;
    gap: 0 6px;
    width: 100%;
    text-align: left;
    background: none;
    border-color: transparent;
  }
  button.operation[aria-current='true'] {
    border-color: var(--addon-accent);
    background: var(--addon-surface);
  }
  .summary,
  .reason {
    flex-basis: 100%;
    font-size: 12px;
  }
  .reason {
    color: var(--addon-warning);
  }
`;
