import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface JobPollerOptions {
  /** Whether there is anything to poll (a job is open). */
  active(): boolean;
  /** One poll; the next one is scheduled once it settles, so slow answers never pile up. */
  poll(): Promise<void>;
  /** The document whose visibility pauses polling (a hidden tab or sidebar costs the API nothing). */
  document?: Document;
}

/**
 * Polls while its host is connected, the page visible and `active()` holds. Call `kick()` after anything that may make
 * it active (a job started, resumed or retried); it stops by itself once `active()` turns false.
 */
export class JobPoller implements ReactiveController {
  readonly #options: JobPollerOptions;
  /** Between the end of one poll and the start of the next. */
  intervalMs = 1000;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  #polling = false;

  constructor(host: ReactiveControllerHost, options: JobPollerOptions) {
    this.#options = { document: globalThis.document, ...options };
    host.addController(this);
  }

  get running(): boolean {
    return this.#timer !== undefined || this.#polling;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#options.document?.addEventListener('visibilitychange', this.#onVisibility);
    this.kick();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#options.document?.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  /** Schedules the next poll unless one is scheduled or under way, or there is nothing to poll. */
  kick(): void {
    if (this.#timer !== undefined || this.#polling || !this.#mayPoll()) return;
    this.#timer = setTimeout(() => void this.#tick(), this.intervalMs);
  }

  #mayPoll(): boolean {
    return this.#connected && this.#options.document?.visibilityState !== 'hidden' && this.#options.active();
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    if (!this.#mayPoll()) return;
    this.#polling = true;
    try {
      await this.#options.poll();
    } catch {
      // The host shows what went wrong; polling goes on while `active()` holds (a dropped answer is no reason to stop).
    } finally {
      this.#polling = false;
    }
    this.kick();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #onVisibility = (): void => {
    if (this.#options.document?.visibilityState === 'hidden') this.#stop();
    else this.kick();
  };
}
