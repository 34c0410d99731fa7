import { html } from 'lit';
import type { EventState } from './types.js';

const TONE: Record<EventState, string> = { pending: 'warn', failed: 'warn', handled: 'ok', dead: 'bad', discarded: 'muted' };

/** An event's state as a badge; the word itself carries the meaning, the colour only repeats it. */
export function renderState(state: EventState) {
  return html`<span class="badge ${TONE[state] ?? ''}" data-state=${state}>${state}</span>`;
}
