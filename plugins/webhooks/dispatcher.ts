import type { Logger } from '../../runtime/index.js';
import { entryOf, TIMED_OUT, withTimeLimit } from '../../runtime/index.js';
import type { ClaimedEvent, DispatchQueue } from './dispatch-queue.js';
import { type ReceivePressure, watchReceivePressure } from './receive-pressure.js';
import type { RunEvent } from './run-event.js';

/** A delivery this instance just stored: its inbox id and the workspace + entity its order is kept within. */
export interface FreshEvent {
  id: number;
  orderKey: string;
}

export interface Dispatcher {
  /** Starts polling (after `startDelayMs`); `releaseLeases` first frees leases an earlier process left in the table (SQLite only). */
  start(options?: { releaseLeases?: boolean }): Promise<void>;
  /** Looks through the inbox for work now: after a replay, or anything not received here. Coalesced, cheap to call often. */
  wake(): void;
  /** Hands over a delivery just stored here, to be claimed by its id rather than found by a walk over the inbox. */
  offer(event: FreshEvent): void;
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
  /** When receiving saturates the event loop (offers count as receipts); watched from `start` to `stop`. */
  pressure?: ReceivePressure;
}

/** Between two claims while receiving saturates the loop: at most `concurrency` events start per pause then. */
export const BUSY_PAUSE_MS = 10;

/** Fresh deliveries held in memory at most; beyond, they wait in the inbox for a walk (nothing is lost either way). */
const MAX_FRESH = 10_000;

export const orderKeyOf = (event: Pick<ClaimedEvent, 'workspaceId' | 'entityId'>) => `${event.workspaceId}\u0000${event.entityId}`;

/**
 * Runs inbox events off the request path, up to `concurrency` at once, and finds them two ways:
 * - deliveries stored by this instance are handed over (`offer`) and claimed by id, in arrival order; one whose
 *   entity already has an event running here waits for it in memory, so a burst on one entity keeps its order;
 * - everything else (due retries, replays, other instances' receipts, what a restart left, fresh ones that could not
 *   be claimed at once) is found by a walk over the open events (`claim`), every `pollIntervalMs` or when woken.
 * Either way the queue's conditional claim decides, so memory is only a shortcut: losing it loses nothing.
 */
export function createDispatcher({
  queue,
  runEvent,
  concurrency,
  pollIntervalMs,
  startDelayMs,
  stopTimeoutMs,
  log,
  pressure = watchReceivePressure(),
}: DispatcherOptions): Dispatcher {
  const running = new Set<Promise<void>>();
  const runningKeys = new Map<string, number>();
  const refillAt = Math.ceil(concurrency / 2);
  let fresh: FreshEvent[] = [];
  const waitingForKey = new Map<string, FreshEvent[]>();
  let active = false;
  let walkWanted = false;
  let filling: Promise<void> | undefined;
  let wanted = false;
  let poll: NodeJS.Timeout | undefined;
  let delay: NodeJS.Timeout | undefined;

  async function fill(): Promise<void> {
    do {
      wanted = false;
      const free = concurrency - running.size;
      if (!active || free <= 0) return;
      if (fresh.length > 0) {
        // Empty when every fresh one waits for its entity's running event.
        const ids = takeFresh(free);
        if (ids.length > 0) for (const event of await queue.claimIds(ids)) track(event);
        wanted = fresh.length > 0 || walkWanted;
        continue;
      }
      // A walk is a query over the open events: under load it waits for half the slots instead of claiming one
      // event per finished run. An idle dispatcher walks at once.
      if (!walkWanted || (running.size > 0 && free < refillAt)) return;
      walkWanted = false;
      const claimed = await queue.claim(free);
      for (const event of claimed) track(event);
      // A full batch suggests more is waiting behind it.
      if (claimed.length === free) walkWanted = wanted = true;
      // Under receive pressure one claim per kick: the next waits out the pause (kick).
    } while (wanted && active && !pressure.high);
  }

  /** Up to `free` fresh ids whose entity has nothing running here nor earlier in this batch; the others wait. */
  function takeFresh(free: number): number[] {
    const ids: number[] = [];
    const keys = new Set<string>();
    while (ids.length < free && fresh.length > 0) {
      const next = fresh.shift()!;
      if (runningKeys.has(next.orderKey) || keys.has(next.orderKey)) {
        entryOf(waitingForKey, next.orderKey, () => []).push(next);
        continue;
      }
      keys.add(next.orderKey);
      ids.push(next.id);
    }
    // One that cannot be claimed now (an earlier event of its entity failed and waits for its retry, the installation
    // is not active) stays in the inbox, where the next walk finds it once it may run.
    return ids;
  }

  function track(event: ClaimedEvent): void {
    const key = orderKeyOf(event);
    runningKeys.set(key, (runningKeys.get(key) ?? 0) + 1);
    const work = runEvent(event);
    running.add(work);
    void work.finally(() => {
      running.delete(work);
      const left = (runningKeys.get(key) ?? 1) - 1;
      if (left > 0) runningKeys.set(key, left);
      else runningKeys.delete(key);
      const waiting = waitingForKey.get(key);
      const next = waiting?.shift();
      if (next) fresh.unshift(next);
      if (waiting?.length === 0) waitingForKey.delete(key);
      kick();
    });
  }

  /**
   * Runs fill, coalesced: one at a time, and once more if asked meanwhile. It starts on the next turn, so the
   * receipts of one group commit (answered together) and the runs that end together are claimed in one statement;
   * while deliveries saturate the loop it starts after `BUSY_PAUSE_MS`, leaving the loop to receiving meanwhile.
   */
  function kick(): void {
    if (!active) return;
    if (filling) {
      wanted = true;
      return;
    }
    filling = new Promise<void>((resolve) => (pressure.high ? setTimeout(resolve, BUSY_PAUSE_MS) : setImmediate(resolve)))
      .then(fill)
      .catch((error) => log.error({ err: error }, 'could not claim webhook events; retrying at the next poll'))
      .finally(() => {
        filling = undefined;
        if (wanted) kick();
      });
  }

  function wake(): void {
    walkWanted = true;
    kick();
  }

  function begin(): void {
    active = true;
    pressure.start();
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
    offer(event) {
      pressure.received();
      if (fresh.length >= MAX_FRESH) {
        walkWanted = true;
        return;
      }
      fresh.push(event);
      kick();
    },
    async stop() {
      active = false;
      clearTimeout(delay);
      clearInterval(poll);
      pressure.stop();
      await filling;
      fresh = [];
      waitingForKey.clear();
      if ((await withTimeLimit(Promise.allSettled([...running]), stopTimeoutMs)) === TIMED_OUT) {
        log.warn({ running: running.size }, 'stopped waiting for webhook handlers; their events will run again after their lease');
      }
    },
  };
}
