import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../core/addon-api.js';

/** A failed call: what was being done, the server's message, and its code and request id to quote to support. */
export function errorView(doing: string, error: unknown): TemplateResult {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return html`<div class="problem" role="alert" tabindex="-1" data-error=${apiError?.code ?? 'ERROR'}>
    <p><strong>${doing} failed:</strong> ${message}</p>
    ${
      apiError
        ? html`<p class="muted">
          Code <code>${apiError.code}</code>${apiError.requestId ? html`, request id <code data-request-id>${apiError.requestId}</code>` : nothing}
        </p>`
        : nothing
    }
  </div>`;
}

export function adminsOnlyView(): TemplateResult {
  return html`<div class="screen" role="alert" data-admins-only>
    <h2>Admins only</h2>
    <p>Copying the workspace's data is for workspace owners and admins. Ask one of them to start or check it.</p>
  </div>`;
}
