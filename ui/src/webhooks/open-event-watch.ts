import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type InboxEvent, OPEN_STATES } from './types.js';

export interface OpenEventWatchOptions {
  intervalMs: () => number;
  /** The events the view shows now. */
  shown: () => readonly (InboxEvent | undefined)[];
  fetch: (id: number) => Promise<InboxEvent>;
  /** Puts a fresher copy in place. */
  put: (event: InboxEvent) => void;
}

/** Open events refreshed per tick at most: bounds the calls a long page of replayed events makes. */
const MAX_WATCHED = 10;

/**
 * Refreshes the shown events that are still open (pending, failed) every interval until none is, so the outcome of
 * a replay appears where the admin replayed it. Stops when the host leaves the page; a failed refresh is tried again
 * at the next tick.
 */
export class OpenEventWatch implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  readonly #options: OpenEventWatchOptions;

  constructor(host: ReactiveControllerHost, options: OpenEventWatchOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.stop();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Looks at what is shown now and, if some of it is open, refreshes it after the interval. */
  schedule(): void {
    this.stop();
    const { shown, fetch, put, intervalMs } = this.#options;
    const open = shown()
      .filter((event): event is InboxEvent => event !== undefined && OPEN_STATES.includes(event.state))
      .slice(0, MAX_WATCHED);
    // A load that finishes after the host left must not start polling for a page nobody sees.
    if (open.length === 0 || !this.#connected) return;
    this.#timer = setTimeout(async () => {
      const answers = await Promise.allSettled(open.map((event) => fetch(event.id)));
      for (const answer of answers) if (answer.status === 'fulfilled') put(answer.value);
      this.schedule();
    }, intervalMs());
  }
}
