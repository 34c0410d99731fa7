import { html, nothing } from 'lit';
import type { ApiError } from '../core/addon-api.js';

/** A failed call as the user sees it: the server's message, its code and the request id to quote when reporting it. */
export function renderError(error: ApiError) {
  return html`<div class="notice error" role="alert" data-error=${error.code}>
    <p>${error.message}</p>
    <p class="muted small">
      ${error.code}${error.status ? ` · HTTP ${error.status}` : ''}${error.requestId ? html` · request id <code>${error.requestId}</code>` : nothing}
    </p>
  </div>`;
}

/** What a workspace member who is not an owner or admin sees: the admin API answers them 403 ADMIN_REQUIRED. */
export function renderAdminsOnly() {
  return html`<div class="notice" role="alert" data-admins-only>
    <h2>Admins only</h2>
    <p>The webhook inbox is shown to the workspace's owners and admins. Ask one of them to look at it.</p>
  </div>`;
}
