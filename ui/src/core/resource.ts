import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ApiError, toApiError } from './addon-api.js';

/** An async value as the view shows it; a reload keeps the previous value so the view does not blank out meanwhile. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'pending'; value?: T }
  | { status: 'complete'; value: T }
  | { status: 'error'; error: ApiError; value?: T };

/**
 * One piece of server data of a component: loads it, re-renders the host on every state change, and drops answers
 * that arrive after a newer load started (a quick filter change must not be overwritten by the slower earlier page).
 */
export class Resource<T> implements ReactiveController {
  state: Loadable<T> = { status: 'idle' };
  #generation = 0;
  readonly #host: ReactiveControllerHost;
  readonly #onError: (error: ApiError) => void;

  constructor(host: ReactiveControllerHost, onError: (error: ApiError) => void = () => undefined) {
    this.#host = host;
    this.#onError = onError;
    host.addController(this);
  }

  // Lit needs none of the host callbacks; TypeScript accepts a controller only when it declares one of them.
  hostConnected(): void {}

  get value(): T | undefined {
    return 'value' in this.state ? this.state.value : undefined;
  }

  async load(call: () => Promise<T>): Promise<void> {
    const generation = ++this.#generation;
    this.#set({ status: 'pending', ...(this.value === undefined ? {} : { value: this.value }) });
    try {
      const value = await call();
      if (generation === this.#generation) this.#set({ status: 'complete', value });
    } catch (caught) {
      if (generation !== this.#generation) return;
      const error = toApiError(caught);
      this.#set({ status: 'error', error, ...(this.value === undefined ? {} : { value: this.value }) });
      this.#onError(error);
    }
  }

  /** Replaces the value in place (an action's answer, a refreshed row) without a load. */
  update(change: (value: T) => T): void {
    if (this.value !== undefined) this.#set({ ...this.state, value: change(this.value) } as Loadable<T>);
  }

  reset(): void {
    this.#generation++;
    this.#set({ status: 'idle' });
  }

  #set(state: Loadable<T>): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
