import type { Logger } from '../../runtime/index.js';
import type { DispatchQueue } from './dispatch-queue.js';
import type { RunEvent } from './run-event.js';

export interface Dispatcher {
  /** Starts polling (after `startDelayMs`); `releaseLeases` first frees leases a crashed process left (SQLite only). */
  start(options?: { releaseLeases?: boolean }): Promise<void>;
  /** Looks for work now: after a receipt, a finished run or a replay. Coalesced, cheap to call often. */
  wake(): void;
  /** Stops claiming and waits for running events, up to `stopTimeoutMs`; leases of unfinished ones simply run out. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  queue: DispatchQueue;
  runEvent: RunEvent;
  concurrency: number;
  pollIntervalMs: number;
  startDelayMs: number;
  stopTimeoutMs: number;
  log: Logger;
}

/**
 * Runs inbox events off the request path, up to `concurrency` at once. It is woken on each receipt and polls every
 * `pollIntervalMs` for what it was not told about: due retries, replays, events another instance stored, and
 * everything left over from before a restart. Which event may run is decided by the queue's claim (see there).
 */
export function createDispatcher({
  queue,
  runEvent,
  concurrency,
  pollIntervalMs,
  startDelayMs,
  stopTimeoutMs,
  log,
}: DispatcherOptions): Dispatcher {
  const running = new Set<Promise<void>>();
  let active = false;
  let filling: Promise<void> | undefined;
  let wanted = false;
  let poll: NodeJS.Timeout | undefined;
  let delay: NodeJS.Timeout | undefined;

  async function fill(): Promise<void> {
    do {
      wanted = false;
      const free = concurrency - running.size;
      if (!active || free <= 0) return;
      const claimed = await queue.claim(free);
      for (const event of claimed) track(runEvent(event));
      // A full batch suggests more is waiting behind it.
      if (claimed.length === free) wanted = true;
    } while (wanted && active);
  }

  function track(work: Promise<void>): void {
    running.add(work);
    void work.finally(() => {
      running.delete(work);
      wake();
    });
  }

  function wake(): void {
    if (!active) return;
    if (filling) {
      wanted = true;
      return;
    }
    filling = fill()
      .catch((error) => log.error({ err: error }, 'could not claim webhook events; retrying at the next poll'))
      .finally(() => {
        filling = undefined;
        if (wanted) wake();
      });
  }

  function begin(): void {
    active = true;
    poll = setInterval(wake, pollIntervalMs);
    poll.unref();
    wake();
  }

  return {
    async start({ releaseLeases = false } = {}) {
      if (releaseLeases) {
        const released = await queue.releaseAll();
        if (released) log.info({ released }, 'released leases left by a previous process');
      }
      if (startDelayMs > 0) delay = setTimeout(begin, startDelayMs);
      else begin();
    },
    wake,
    async stop() {
      active = false;
      clearTimeout(delay);
      clearInterval(poll);
      await filling;
      const pending = Promise.allSettled([...running]);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      if ((await Promise.race([pending, timeout])) === 'timeout') {
        log.warn({ running: running.size }, 'stopped waiting for webhook handlers; their events will run again after their lease');
      }
      clearTimeout(timer);
    },
  };
}
