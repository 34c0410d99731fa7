import { html } from 'lit';

export interface ConfirmDiscardOptions {
  id: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The question a discard asks before it happens (a discarded event is never dispatched unless replayed). The host
 * moves focus to Cancel, the harmless choice; Escape cancels too.
 */
export function renderConfirmDiscard({ id, onConfirm, onCancel }: ConfirmDiscardOptions) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  return html`<div class="confirm" role="group" aria-labelledby="confirm-${id}" data-confirm=${id} @keydown=${onKey}>
    <p id="confirm-${id}">Discard event ${id}? It will not be dispatched again unless someone replays it.</p>
    <button class="danger" data-action="confirm-discard" @click=${onConfirm}>Discard event ${id}</button>
    <button data-action="cancel" @click=${onCancel}>Cancel</button>
  </div>`;
}
