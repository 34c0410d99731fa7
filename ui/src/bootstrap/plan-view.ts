import { html, nothing, type TemplateResult } from 'lit';
import type { Format } from './format.js';
import type { Plan, PlannedOperation } from './types.js';

/**
 * The plan, compact and collapsed: the lists read, each nested under the list whose records fill its path parameter,
 * with page sizes; then the lists left out, with their reasons.
 */
export function planView(plan: Plan, format: Format): TemplateResult {
  const children = new Map<string, PlannedOperation[]>();
  for (const operation of plan.operations) {
    const parent = operation.parent?.operationId ?? '';
    children.set(parent, [...(children.get(parent) ?? []), operation]);
  }
  const roots = plan.operations.filter(
    (operation) => !operation.parent || !plan.operations.some((o) => o.operationId === operation.parent?.operationId),
  );
  const { operations, excluded, problems } = plan;
  return html`<details class="plan" data-plan>
    <summary>
      Plan: ${format.count(operations.length)} ${operations.length === 1 ? 'list' : 'lists'}${
        excluded.length ? html`<span class="muted">, ${format.count(excluded.length)} left out</span>` : nothing
      }
    </summary>
    <p class="muted">
      Dated lists cover ${format.day(plan.window.start)} to ${format.day(plan.window.end)} (UTC).
    </p>
    ${problems.length ? html`<ul class="warning">${problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
    <ul class="tree">${roots.map((operation) => planItem(operation, children, format))}</ul>
    ${
      excluded.length
        ? html`<details>
          <summary>Left out (${format.count(excluded.length)})</summary>
          <ul>
            ${excluded.map((operation) => html`<li><code>${operation.operationId}</code>: ${operation.reason}</li>`)}
          </ul>
        </details>`
        : nothing
    }
  </details>`;
}

function planItem(operation: PlannedOperation, children: ReadonlyMap<string, PlannedOperation[]>, format: Format): TemplateResult {
  const nested = children.get(operation.operationId) ?? [];
  const query = Object.entries(operation.query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return html`<li>
    <code>${operation.operationId}</code>
    <span class="muted"
      >${operation.resource} · ${format.count(operation.pageSize)} per page${
        operation.parent ? ` · per ${operation.parent.param}` : ''
      }${query ? html` · <code>${query}</code>` : nothing}</span
    >
    ${nested.length ? html`<ul>${nested.map((child) => planItem(child, children, format))}</ul>` : nothing}
  </li>`;
}
